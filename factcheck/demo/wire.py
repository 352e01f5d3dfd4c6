"""The second demo article: invented wire copy as it reaches a desk after machine translation,
with entity debris ("& # 39;"), a caption printed three times and run-on attributions.

It is loaded through the extraction, so the desk opens with proposals to accept, as it does for
a pasted article. Everything here is invented: the port, the companies and the people.
"""

from __future__ import annotations

TITLE = "Port authority denies report that cargo scanners were fitted with hidden modules"
OUTLET = "Wire copy, machine-translated"

TEXT = """\
Port authority denies report that cargo scanners were fitted with hidden modules

The Meridian Herald reported on Thursday that scanners used at the container port of Vellmar had been fitted with small modules that could send images of cargo to a third party, a claim the port authority and the scanner maker Kestrel Systems denied in the strongest terms.

Caption: Containers wait for inspection at the port of Vellmar. (Photo: archive)

According to the Herald, investigators found the modules during a routine repair in the spring, and at least two shipping companies were informed of the discovery. The newspaper cited three people familiar with the inquiry, none of whom agreed to be named.

" We have found no module, no hidden hardware and no evidence of any tampering in any of our scanners, " Kestrel Systems said in a statement. " The Herald & # 39;s story is wrong, and we have asked them to correct it. "

Caption: Containers wait for inspection at the port of Vellmar. (Photo: archive)

Harbour master Ilse Brandt told reporters that the port had opened every scanner in the days after the report. " We opened all forty units. Nothing was found that should not be there, " Brandt said. She added that the port would publish the engineers & # 39; findings next week.

The Herald stood by its reporting. " Our story is based on many months of reporting and on documents we have seen, " said the newspaper & # 39;s editor, Tomas Reyes, who declined to say who had given them.

A spokesman for the Ministry of Transport said that the ministry was " aware of the article " and had asked the port for a full account, but he refused to comment on the claim itself.

Caption: Containers wait for inspection at the port of Vellmar. (Photo: archive)

Security researchers were divided. Anna Lindqvist, who studies supply-chain attacks at the Technical University of Vellmar, said such a module was possible in principle but that she had not seen any evidence that one had been used. " A module like this would have to be very small and would leave traces in the network logs, " she said.

Kestrel Systems denied that any of its engineers had been questioned by investigators, and said it had not been contacted by the Herald before the story was published, which the newspaper disputes.
"""
