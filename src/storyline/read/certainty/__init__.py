"""How sure the wording is: certainty, polarity and hedges (component ``storyline_certainty``)."""
