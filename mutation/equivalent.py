"""Surviving mutants that change nothing a person or a caller could see, and why.

Each is matched by its function and the code it changes (not by mutmut's number, which moves when
the code does); `make mutation` leaves them out of the score and lists them with the reason.

Lines where every change is of this kind (what a query loads, numpy's default types, a cache's
forget settings) are not mutated at all: they carry mutmut's `# pragma: no mutate`, with the
reason in a comment beside them (mutation/README.md, "Lines left alone").
"""

_NO_ROUTE = "[not entry.contactable for entry in self.entries],"
EQUIVALENT: list[dict[str, str]] = [
    *(
        {
            "function": "Catalogue.__init__",
            "before": before,
            "after": after,
            "why": "booleans add to the verdict's ranks as 0 and 1, so the ranking is the same "
            "whatever the array's type",
        }
        for before, after in (
            (f"{_NO_ROUTE} dtype=numpy.int64", f"{_NO_ROUTE} dtype=None"),
            (f"{_NO_ROUTE} dtype=numpy.int64 )", f"{_NO_ROUTE} )"),
        )
    ),
    {
        "function": "search",
        "before": "standing = 2 * ranks + catalogue.no_route",
        "after": "standing = 3 * ranks + catalogue.no_route",
        "why": "the route adds 0 or 1, less than the step between two verdicts at either "
        "multiplier, so the order is the same: the verdict first, then whether it can be reached",
    },
    {
        "function": "_best_first",
        "before": "if limit is not None and len(candidates) > limit:",
        "after": "if limit is not None and len(candidates) >= limit:",
        "why": "with exactly `limit` candidates the pre-filter's threshold is the largest key, so "
        "it keeps them all and the exact sort decides as before",
    },
    {
        "function": "_best_first",
        "before": "kept = key <= numpy.partition(key, limit - 1)[limit - 1]",
        "after": "kept = key <= numpy.partition(key, limit - 2)[limit - 1]",
        "why": "after partitioning at limit - 2, the key at limit - 1 is still no smaller than the "
        "limit-th smallest, so the pre-filter keeps at least what it must (and the exact sort "
        "decides); tests/services/test_search_ordering.py checks this at 5,000 candidates",
    },
    *(
        {
            "function": function,
            "before": f'{start}_Finding(Status.UNCLEAR, "", missing="{missing}"){end}',
            "after": f'{start}_Finding(Status.UNCLEAR, None, missing="{missing}"){end}',
            "why": "an empty reason and no reason are both left out of the verdict's words (the "
            "finding is there for its status and the answer left out, which the verdict names); "
            "any other text is caught by "
            "test_a_person_who_left_out_an_answer_reads_each_reason_once_and_nothing_else",
        }
        for function, missing, start, end in (
            ("_gender_findings", "your gender", "return [", "]"),
            ("_age_findings", "your age", "return [", "]"),
            ("_involvement_findings", "whether you sell or exchange sex now", "return [", "]"),
            ("_trafficked_findings", "whether you have been trafficked or exploited", "", ""),
        )
    ),
    {
        "function": "_trans_findings",
        "before": 'return [_Finding(Status.UNCLEAR, "Does not support trans people")]',
        "after": "return [_Finding(Status.UNCLEAR, None)]",
        "why": "every verdict then says the same words in the same place from inclusion_notes, "
        "which states each service's trans and non-binary inclusion whoever asks; other text is "
        "caught by test_a_person_who_left_out_an_answer_reads_each_reason_once_and_nothing_else",
    },
]
