"""Tables as an Excel user expects them: select rows with Shift and Ctrl, Ctrl+C copies them
with the headers (they paste into Excel as cells), a right-click menu copies, exports the
selection or the whole table to Excel and prints it on A4 landscape, Tab moves to the next
cell. `view.DataTable` is the view every table panel uses; `snapshot` reads what a view shows;
`printing` and `export` turn a snapshot into paper and into a workbook."""
