"""Charts painted with QPainter: the indicators against their thresholds, the budget by funding
source, the reports received over time. `base.Chart` is their common ground."""
