"""The consolidated results report (Nghị định 30/2020/NĐ-CP): its content, the PDF and the
Excel appendices."""
