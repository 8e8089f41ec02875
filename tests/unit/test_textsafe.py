from send_desk.textsafe import has_control, strip_control


def test_an_escape_sequence_is_a_control_and_is_stripped() -> None:
    assert has_control("Byrne\x1b[2J")
    assert strip_control("Byrne\x1b[2J") == "Byrne[2J"


def test_tab_and_newline_are_kept_in_long_text_only() -> None:
    assert not has_control("line one\nline two\tend", multiline=True)
    assert has_control("Ava\nJones")
    assert strip_control("a\tb\nc") == "a\tb\nc"
    assert strip_control("a\tb\nc", multiline=False) == "abc"


def test_c1_controls_and_bidi_overrides_are_stripped() -> None:
    assert strip_control("Ali\u202eecnuob\x85") == "Aliecnuob"
    assert strip_control("Siân O'Brien-Nwosu") == "Siân O'Brien-Nwosu"
