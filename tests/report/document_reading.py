"""Reading a report `Document` as its reader would, without laying it out."""

from __future__ import annotations

from sxtdbv_desktop.report.document import Block, Chart, Document, Paragraph, Table, text_of


def block_text(block: Block) -> str:
    if isinstance(block, Paragraph):
        return block.text
    if isinstance(block, Table):
        lines = [block.caption, " ".join(c.title for c in block.columns)]
        lines += [" ".join(c.text for c in row.cells) for row in block.rows]
        lines += [n.text for n in block.notes]
        return "\n".join(lines)
    assert isinstance(block, Chart)
    return "\n".join([block.caption, *(n.text for n in block.notes)])


def document_text(document: Document) -> str:
    """Every word in reading order, one line per paragraph or table row."""
    head = document.letterhead
    lines = [head.governing_body, head.issuing_body, text_of(head.number),
             text_of(head.place_date), head.kind, head.summary]  # fmt: skip
    lines += [block_text(b) for b in document.body]
    lines += [text_of(r) for r in document.signature.recipients]
    lines += [*document.signature.authority, text_of(document.signature.signer)]
    for appendix in document.appendices:
        lines += [appendix.label, appendix.title, text_of(appendix.reference)]
        lines += [block_text(b) for b in appendix.blocks]
    return "\n".join(lines)


def section(document: Document, heading: str, until: str) -> str:
    """The body's text from the paragraph `heading` to the one starting with `until`."""
    texts = [block_text(b) for b in document.body]
    start = texts.index(heading)
    end = next(i for i, t in enumerate(texts) if i > start and t.startswith(until))
    return "\n".join(texts[start + 1 : end])


def placeholders(document: Document) -> list[str]:
    """The text of every run marked as a placeholder in the body, in order."""
    found = []
    for block in document.body:
        if isinstance(block, Paragraph):
            found += [r.text for r in block.runs if r.placeholder]
    return found
