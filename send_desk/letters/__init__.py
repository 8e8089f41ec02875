"""Letters: templates as data, merged from the case in a sandbox, checked for plain
English, written as DOCX and PDF. No Qt, no store (the services hold the record).

Public API::

    default_manifest() / load_manifest(folder) -> Manifest
    default_library() / TemplateLibrary(manifest)        (refuses a bad template)
    build_context(...) ; compose(library, spec, context, variant=..., letterhead=...)
    check_letter_text(text, ...) -> LetterCheck         (send-desk check-letter)
    write_docx(letter) / write_pdf(letter) -> bytes
    load_letterhead(data_root) -> Letterhead
"""
