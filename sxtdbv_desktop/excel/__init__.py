"""Excel in and out (openpyxl): agency forms, their import, and exports of every table."""
