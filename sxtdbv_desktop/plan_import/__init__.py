"""Reading a plan from its document (Word, PDF or text) into a draft plan to review and save.

`sources.read_document` reads the file's paragraphs, `reader.read_plan` turns them into a
`draft.Draft` (a plan file's data, with flags on what it is unsure of), `saving.save_draft`
loads the reviewed draft into the data file. `comparison.document_content` says what "the
same plan" covers.
"""
