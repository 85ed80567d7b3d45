"""Surviving mutants that change nothing a person or a caller could see, and why.

Each is matched by its function and the code it changes (not by mutmut's number, which moves when
the code does); `make mutation` leaves them out of the score and lists them with the reason.
"""

EQUIVALENT: list[dict[str, str]] = []
