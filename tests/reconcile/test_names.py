"""Name forms a nickname inside a full name stands for (rule logic on hand-written names)."""
from storyline.reconcile.names import nickname_name_forms


def test_a_nickname_goes_with_every_word_after_it():
    assert nickname_name_forms("Earvin 'Magic' Johnson") == (("magic", "johnson"),)
    # Others write "Pepe de la Cruz", not "Pepe Cruz".
    assert nickname_name_forms("Jose 'Pepe' de la Cruz") == (("pepe", "de", "la", "cruz"),)
    assert nickname_name_forms('Vincent "The Chin" Gigante') == (("chin", "gigante"),)


def test_a_name_in_parentheses_is_no_nickname():
    # A maiden name: "Smith Jones" is no name she goes by.
    assert nickname_name_forms("Mary (Smith) Jones") == ()
    assert nickname_name_forms("Luis Gerardo (Jerry) Ortiz") == ()
