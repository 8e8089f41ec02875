# ruff: noqa: E501  (the letters are written as a family would get them, one paragraph a line)
"""The plain-English check on hand-written letters: a good one passes, a bad one fails
for each reason, and each problem says where it is."""

from __future__ import annotations

from send_desk.letters.plain_english import check_letter_text

GOOD_DECISION = """Dear Ms Begum,

We have decided not to assess Aisha's needs now. If you disagree, you can appeal by Friday 12 June 2026.

Why we decided this
- The school has shown it can meet Aisha's needs with the help it gives now.
- Aisha is making good progress in reading.

Your right to appeal
You can appeal to a tribunal. Its full name is the First-tier Tribunal (Special Educational Needs and Disability). You must appeal by Friday 12 June 2026. This is 2 months from the date of this letter.

Mediation
Before you appeal, you must contact a mediation adviser. They are independent of us. You need a certificate from the adviser to appeal. If you want mediation, tell us within 30 days of getting the certificate.

Other ways to sort it out
You can use our disagreement resolution service. It is free.

Free advice
You can get free advice from the special educational needs and disabilities information, advice and support service (SENDIASS). Phone 01632 960111.

Yours sincerely,
Sam Patel
"""

BAD_DECISION = """Dear Parent/Carer,

Pursuant to the statutory assessment request received in respect of your child, and notwithstanding the information provided by the SENCO and the EP, it has been determined by the LA that the threshold for an EHCNA has not been met at this time and that the child's needs can be met from resources normally available to mainstream settings in accordance with the Code.

Provision will be facilitated by the school. Your views were considered by the panel.

Yours faithfully,
SEN Team
"""


def test_a_good_hand_written_decision_letter_passes() -> None:
    check = check_letter_text(GOOD_DECISION)
    assert check.appealable
    assert check.passed, [issue.message for issue in check.errors]
    assert check.reading_age <= 11
    assert check.sections_missing == ()


def test_a_bad_hand_written_letter_fails_for_every_reason() -> None:
    check = check_letter_text(BAD_DECISION)
    kinds = {issue.kind for issue in check.issues}
    assert not check.passed
    assert {
        "long_sentence",
        "passive",
        "acronym",
        "avoid",
        "missing_section",
        "reading_age",
    } <= kinds
    acronyms = {issue.text for issue in check.issues if issue.kind == "acronym"}
    assert {"SENCO", "EP", "LA", "EHCNA"} <= acronyms
    avoided = {issue.text.lower() for issue in check.issues if issue.kind == "avoid"}
    assert {"pursuant to", "notwithstanding", "in respect of", "in accordance with"} <= avoided
    assert "facilitated" in avoided
    passive = [issue.text for issue in check.issues if issue.kind == "passive"]
    assert any("were considered" in text for text in passive)
    missing = set(check.sections_missing)
    assert {"appeal", "mediation", "disagreement", "sendiass"} <= missing


def test_each_problem_points_at_its_words() -> None:
    check = check_letter_text(BAD_DECISION)
    for issue in check.issues:
        if issue.end:
            assert BAD_DECISION[issue.start : issue.end] == issue.text


def test_a_long_sentence_is_found_and_a_short_one_is_not() -> None:
    long_one = "We " + " ".join(["looked at the reports"] * 8) + " carefully."
    check = check_letter_text(f"Dear Sam,\n\n{long_one}\n\nIt is short.\n")
    long_sentences = [i for i in check.issues if i.kind == "long_sentence"]
    assert len(long_sentences) == 1
    assert "It is short" not in long_sentences[0].text


def test_an_acronym_spelled_out_at_first_use_is_fine() -> None:
    text = (
        "Dear Sam,\n\nWe asked an educational psychologist (EP) to see Ali. The EP will "
        "visit on Monday.\n"
    )
    check = check_letter_text(text, appealable=False)
    assert not [i for i in check.issues if i.kind == "acronym"]


def test_contact_details_do_not_count_against_the_reading_age() -> None:
    plain = "Dear Sam,\n\nPlease call me. I can help.\n"
    with_contacts = plain + "Phone 01632 960123 or email someone.long.name@council.example.org.\n"
    assert check_letter_text(with_contacts, appealable=False).reading_age <= 9


def test_a_letter_that_is_not_a_decision_needs_no_appeal_sections() -> None:
    text = "Dear Sam,\n\nThank you for your call. I will phone you on Monday at 2pm.\n"
    check = check_letter_text(text)
    assert not check.appealable
    assert check.passed
