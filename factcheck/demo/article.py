"""The demo article: a story written for this project, in which the parties contradict each other.

Everything here is invented: the town, the people, the companies and the figures.
"""

from __future__ import annotations

TITLE = "Harbor Point desalination plant missed safety tests for months, inspectors say"
OUTLET = "The Coastal Ledger"
BYLINE = "Nadia Ferreira"
URL = "https://example.org/coastal-ledger/harbor-point-desalination"
PUBLISHED = "2026-11-18"

TEXT = """\
HARBOR POINT — The company that runs this town's desalination plant skipped required water-quality tests for at least five months this year, according to a report by the state's environmental inspectors, a finding the company called "flatly wrong."

The report, released on Monday by the State Water Quality Board, says that Brightwater Utilities did not file bromate test results between March and August. Bromate is a by-product of disinfection that regulators limit because of long-term health risks.

"For five months, nobody outside that plant could tell whether the water met the standard," said Helen Achebe, the board's chief inspector. "That is not a paperwork problem. That is a safety problem."

Brightwater's chief executive, Martin Kowalczyk, rejected the board's account. "Every test was run on schedule, and every result was within limits," Kowalczyk said in a statement on Tuesday. He said the results had been sent to the board's old reporting address after a software change, and that the company "can show the receipts."

The board disputes that. A spokeswoman for the board, Lucy Tran, said the agency had "no record of any submission" for those months and that the old address had been shut down in January, with notice to every operator.

Mayor Daniel Ruiz, who faces re-election in the spring, said the town had never been told of a problem. "If I had known, I would have told the residents the same day," Ruiz said. He added that the town would hire an independent laboratory to test the water this week.

But two members of the town council said the mayor's office received a warning letter from the board in June. Council member Priya Natarajan told the Ledger that she had seen the letter and that it "asked the town to act within thirty days."

The mayor's office said it had no record of such a letter.

Brightwater also disputed the board's description of the health risk. "The levels we measure are a fraction of the federal limit," Kowalczyk said. "There is no risk to anyone drinking this water."

Independent experts were more cautious. Dr. Samuel Osei, a toxicologist at Lakeshore University who reviewed the company's published figures, said they were "reassuring, if they are accurate," but warned that figures the regulator had not received could not be verified.

A former plant operator, who asked not to be named because he still works in the industry, said staff had been told in the spring to "keep the testing log on paper until the new system is fixed." Brightwater denied that any such instruction was given.

The board said it would decide by the end of the month whether to fine the company. Residents can request free testing kits at the town library, the mayor's office said.
"""

PARTIES = [
    # name, kind, affiliation, aliases
    ("State Water Quality Board", "government", None, ["the board", "the regulator"]),
    ("Brightwater Utilities", "organization", None, ["Brightwater", "the company"]),
    ("Town of Harbor Point", "government", None, ["the mayor's office", "the town"]),
    ("Helen Achebe", "person", "State Water Quality Board", ["Achebe"]),
    ("Martin Kowalczyk", "person", "Brightwater Utilities", ["Kowalczyk"]),
    ("Lucy Tran", "person", "State Water Quality Board", ["Tran"]),
    ("Daniel Ruiz", "person", "Town of Harbor Point", ["Ruiz", "Mayor Daniel Ruiz"]),
    ("Priya Natarajan", "person", "Town of Harbor Point", ["Natarajan"]),
    ("Samuel Osei", "person", None, ["Dr. Samuel Osei", "Osei"]),
    ("Former plant operator", "anonymous", "Brightwater Utilities", []),
]

# quote (exact text of the article), speaker, direct, final verdict or "", reviewer verdict or ""
STATEMENTS = [
    (
        "skipped required water-quality tests for at least five months this year",
        "State Water Quality Board",
        False,
        "",
        "confirmed",
    ),
    ("flatly wrong.", "Brightwater Utilities", True, "", "denied"),
    (
        "Brightwater Utilities did not file bromate test results between March and August",
        "State Water Quality Board",
        False,
        "confirmed",
        "confirmed",
    ),
    (
        "For five months, nobody outside that plant could tell whether the water met the standard",
        "Helen Achebe",
        True,
        "",
        "",
    ),
    ("That is not a paperwork problem. That is a safety problem.", "Helen Achebe", True, "", ""),
    (
        "Every test was run on schedule, and every result was within limits",
        "Martin Kowalczyk",
        True,
        "disputed",
        "disputed",
    ),
    (
        "the results had been sent to the board's old reporting address after a software change",
        "Martin Kowalczyk",
        False,
        "",
        "disputed",
    ),
    ("no record of any submission", "Lucy Tran", True, "", ""),
    (
        "the old address had been shut down in January, with notice to every operator",
        "Lucy Tran",
        False,
        "",
        "",
    ),
    ("the town had never been told of a problem", "Daniel Ruiz", False, "denied", "denied"),
    ("If I had known, I would have told the residents the same day", "Daniel Ruiz", True, "", ""),
    (
        "the town would hire an independent laboratory to test the water this week",
        "Daniel Ruiz",
        False,
        "",
        "",
    ),
    ("she had seen the letter", "Priya Natarajan", False, "", ""),
    ("asked the town to act within thirty days.", "Priya Natarajan", True, "", ""),
    ("it had no record of such a letter", "Town of Harbor Point", False, "", ""),
    ("The levels we measure are a fraction of the federal limit", "Martin Kowalczyk", True, "", ""),
    ("There is no risk to anyone drinking this water.", "Martin Kowalczyk", True, "", ""),
    ("reassuring, if they are accurate,", "Samuel Osei", True, "", ""),
    ("figures the regulator had not received could not be verified", "Samuel Osei", False, "", ""),
    (
        "keep the testing log on paper until the new system is fixed.",
        "Former plant operator",
        True,
        "",
        "",
    ),
    ("any such instruction was given", "Brightwater Utilities", False, "", ""),
    (
        "it would decide by the end of the month whether to fine the company",
        "State Water Quality Board",
        False,
        "",
        "",
    ),
]
