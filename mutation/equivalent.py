"""Surviving mutants that change nothing a person or a caller could see, and why.

Each is matched by its function and the code it changes (not by mutmut's number, which moves when
the code does); `make mutation` leaves them out of the score and lists them with the reason.
"""

_SUMMARY_JSON = "service_summary(service, reach), {}"
_COMPACT = 'ensure_ascii=False, separators=(",", ":")'
_NAME_ORDER = "self.name_order = numpy.argsort(numpy.argsort(names, {}), {})"
_BASE_ENTRY = "self._base_entry = numpy.array([index for index, _ in bases], {})"
_VERSION = 'return CatalogueVersion.objects.filter(pk=1).values_list("token", {}).first()'
_MATCHES = "matches = candidates[shapely.intersects({})]"
_NEAREST_INSTEAD = (
    "no candidate then matches, and the nearest area within the coast's tolerance is the one "
    "containing the point, at distance 0 (the lowest index on a shared edge, as before): the same "
    "answer by the slower way"
)

EQUIVALENT: list[dict[str, str]] = [
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
    {
        "function": "published_services",
        "before": '"council_area__boundary", "council_area__display_boundary"',
        "after": '"council_area__display_boundary"',
        "why": "loads a base's council-area boundary that nothing reads: memory and time, which "
        "the benchmarks measure, not any answer",
    },
    {
        "function": "published_services",
        "before": '"council_area__boundary", "council_area__display_boundary" )',
        "after": '"council_area__boundary", )',
        "why": "loads a base's council-area map outline that nothing reads: memory and time, "
        "which the benchmarks measure, not any answer",
    },
    {
        "function": "published_services",
        "before": '"organisation", "primary_offer" ).prefetch_related(',
        "after": '"organisation", ).prefetch_related(',
        "why": "a page that names each result's main offer then reads it with a query of its own: "
        "time, not any answer",
    },
    *(
        {
            "function": "published_services",
            "before": 'Prefetch("coverage", queryset=CouncilArea.objects.without_geometry()),',
            "after": after,
            "why": "loads the boundaries of the areas a service covers, which nothing here reads: "
            "memory and time, which the benchmarks measure, not any answer",
        }
        for after in ('Prefetch("coverage", queryset=None),', 'Prefetch("coverage", ),')
    ),
    {
        "function": "catalogue_changed",
        "before": "CatalogueVersion.objects.create(pk=1, token=token)",
        "after": "CatalogueVersion.objects.create(pk=1, )",
        "why": "the token's default is a new random token too",
    },
    *(
        {
            "function": "Entry.of",
            "before": _SUMMARY_JSON.format(before),
            "after": _SUMMARY_JSON.format(after),
            "why": "the same JSON document in other bytes (letters escaped, or spaces between "
            "members): every JSON reader reads the same answer",
        }
        for before, after in [
            (_COMPACT, 'ensure_ascii=None, separators=(",", ":")'),
            (_COMPACT, 'ensure_ascii=True, separators=(",", ":")'),
            (_COMPACT, 'separators=(",", ":")'),
            (_COMPACT, "ensure_ascii=False, separators=None"),
            (_COMPACT + " )", "ensure_ascii=False, )"),
        ]
    ),
    {
        "function": "label_point",
        "before": 'lon, lat = area.label_point["coordinates"][:2]',
        "after": 'lon, lat = area.label_point["coordinates"][:3]',
        "why": "an area's label point is written only by the boundary import "
        "(geography/boundaries.py, a shapely point on the surface of a 2-D shape), so it has two "
        "coordinates and both slices are the same; a base's point may carry a height, and "
        "tests/services/test_bases.py holds public_bases to its first two",
    },
    *(
        {
            "function": "Catalogue.__init__",
            "before": _NAME_ORDER.format('kind="stable"', 'kind="stable"'),
            "after": _NAME_ORDER.format(*kinds),
            "why": "the outer sort orders distinct ranks, where stability cannot matter; the inner "
            "one only orders services of exactly the same name among themselves, which nothing "
            "promises",
        }
        for kinds in [
            ('kind="stable"', "kind=None"),
            ('kind="stable"', ""),
            ('kind="stable"', 'kind="STABLE"'),
            ("kind=None", 'kind="stable"'),
            ("", 'kind="stable"'),
            ('kind="STABLE"', 'kind="stable"'),
        ]
    ),
    {
        "function": "Catalogue.__init__",
        "before": "names = [entry.service.name.lower() for entry in self.entries]",
        "after": "names = [entry.service.name.upper() for entry in self.entries]",
        "why": "either way names sort without regard to case; they differ only for the "
        "characters between Z and a ([ \\ ] ^ _ `) and after z, which service names do not use",
    },
    *(
        {
            "function": "Catalogue._index_bases",
            "before": _BASE_ENTRY.format("dtype=numpy.intp"),
            "after": _BASE_ENTRY.format(after),
            "why": "numpy makes a list of indices an array of the platform's integers either way; "
            "an empty one is never used as an index (no base, no distance)",
        }
        for after in ("dtype=None", "")
    ),
    *(
        {
            "function": "Catalogue.area_counts",
            "before": "reaching, self._first_pair, dtype=numpy.int64" + closing,
            "after": "reaching, self._first_pair, " + after,
            "why": "numpy adds bytes in the platform's integers unless told otherwise, so an area "
            "with more than 255 services still counts them all (tested at 306)",
        }
        for closing, after in (("", "dtype=None"), (" )", ")"))
    ),
    *(
        {
            "function": "Catalogue._index_area_counts",
            "before": f"{name} = numpy.array([{item} for {pair} in pairs], dtype=numpy.intp)",
            "after": f"{name} = numpy.array([{item} for {pair} in pairs], {after})",
            "why": "numpy makes a list of indices an array of the platform's integers either way; "
            "an empty one is never used (no area lists a service of its own)",
        }
        for name, item, pair in (
            ("self._pair_entry", "entry", "entry, _"),
            ("pair_area", "area", "_, area"),
        )
        for after in ("dtype=None", "")
    ),
    {
        "function": "build_catalogue",
        "before": "AreaRef(code, name, country)",
        "after": "AreaRef(code, None, country)",
        "why": "the catalogue's areas give codes and countries to the map's counts; every name a "
        "person reads comes from the area they chose",
    },
    *(
        {
            "function": "catalogue_version",
            "before": _VERSION.format("flat=True"),
            "after": _VERSION.format(flat),
            "why": "the version is only ever compared with the version read before, so the token "
            "alone or the token in a one-item row tells the same change",
        }
        for flat in ("flat=None", "", "flat=False")
    ),
    *(
        {
            "function": "current_catalogue",
            "before": "_state.update(catalogue=None, version=None)",
            "after": after,
            "why": "either half alone still forces the rebuild that follows, and after a failed "
            "build the next search finds a version that differs and builds again; dropping the "
            "old catalogue first only lowers the memory a rebuild takes, which "
            "benchmarks/catalogue.py measures, not any answer",
        }
        for after in ("_state.update(version=None)", "_state.update(catalogue=None, )")
    ),
    *(
        {
            "function": "RuleColumns.__init__",
            "before": before.format("numpy.int64"),
            "after": before.format("None"),
            "why": "numpy makes Python whole numbers within int64's range (the sentinels are its "
            "own limits) int64 either way; an empty column is only ever compared, never indexed",
        }
        for before in (
            "self.min_age = column((rule.min_age or no_age.min for rule in rules), {})",
            "(no_age.max if rule.max_age is None else rule.max_age for rule in rules), {}",
        )
    ),
    *(
        {
            "function": function,
            "before": 'return [_Finding(Status.UNCLEAR, "")]',
            "after": "return [_Finding(Status.UNCLEAR, None)]",
            "why": "an empty reason and no reason are both left out of the verdict's words (the "
            "finding is there for its status); any other text is caught by "
            "test_a_person_who_left_out_an_answer_reads_each_reason_once_and_nothing_else",
        }
        for function in (
            "_gender_findings",
            "_age_findings",
            "_involvement_findings",
            "_trafficked_findings",
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
    *(
        {
            "function": "forget_catalogue",
            "before": '_state.update(catalogue=None, version=None, checked_at=float("-inf"))',
            "after": after,
            "why": "only the tests call it, to start each test afresh, and any two of its three "
            "settings make the next search rebuild: no catalogue, a version that cannot match a "
            "stored one, or a check that is due (float('-INF') is minus infinity too)",
        }
        for after in (
            '_state.update(version=None, checked_at=float("-inf"))',
            '_state.update(catalogue=None, checked_at=float("-inf"))',
            "_state.update(catalogue=None, version=None, )",
            '_state.update(catalogue=None, version=None, checked_at=float("-INF"))',
        )
    ),
    *(
        {
            "function": "invalidate",
            "before": before,
            "after": after,
            "why": "each of its three settings alone makes the next lookup rebuild the index (no "
            "index; a version no stored boundary set has; a check that is due), so losing any one "
            "changes nothing; float('-INF') is minus infinity too",
        }
        for before, afters in (
            (
                '_state["index"] = None',
                ('_state["index"] = ""', '_state["XXindexXX"] = None', '_state["INDEX"] = None'),
            ),
            (
                '_state["version"] = None',
                (
                    '_state["version"] = ""',
                    '_state["XXversionXX"] = None',
                    '_state["VERSION"] = None',
                ),
            ),
            (
                '_state["checked_at"] = float("-inf")',
                (
                    '_state["checked_at"] = None',
                    '_state["checked_at"] = float("-INF")',
                    '_state["XXchecked_atXX"] = float("-inf")',
                    '_state["CHECKED_AT"] = float("-inf")',
                ),
            ),
        )
        for after in afters
    ),
    {
        "function": "RuleColumns.statuses",
        "before": "not_eligible |= ~self.women",
        "after": "not_eligible = ~self.women",
        "why": "the first rule to mark anyone not eligible: the column is still all False there, "
        "so or-ing into it and replacing it are the same",
    },
    {
        "function": "AreaIndex.build",
        "before": "geometries = numpy.array(boundaries, dtype=object)",
        "after": "geometries = numpy.array(boundaries, dtype=None)",
        "why": "numpy makes an array of shapely geometries an object array either way",
    },
    {
        "function": "AreaIndex.build",
        "before": "geometries = numpy.array(boundaries, dtype=object)",
        "after": "geometries = numpy.array(boundaries, )",
        "why": "numpy makes an array of shapely geometries an object array either way",
    },
    {
        "function": "AreaIndex.build",
        "before": "shapely.prepare(geometries)",
        "after": "shapely.prepare(None)",
        "why": "unprepared boundaries answer the same, only slower: the benchmarks' point lookup "
        "measures it",
    },
    *(
        {"function": "AreaIndex.find", "before": before, "after": after, "why": _NEAREST_INSTEAD}
        for before, after in [
            ("candidates = self.tree.query(point)", "candidates = self.tree.query(None)"),
            (
                _MATCHES.format("self.tree.geometries[candidates], point"),
                _MATCHES.format("None, point"),
            ),
            (
                _MATCHES.format("self.tree.geometries[candidates], point"),
                _MATCHES.format("self.tree.geometries[candidates], None"),
            ),
        ]
    ),
]
