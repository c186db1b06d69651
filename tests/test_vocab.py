import pytest

from graph import vocab


def luminance(colour):
    def linear(c):
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(int(colour[i : i + 2], 16) / 255) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_tie_types_are_told_apart_by_colour_dash_and_words():
    kinds = list(vocab.TIE_TYPES.values())
    for attribute in ("colour", "dashes", "label", "dash_hint"):
        assert len({getattr(t, attribute) for t in kinds}) == len(kinds), attribute


@pytest.mark.parametrize("kind", list(vocab.TIE_TYPES.values()), ids=lambda t: t.name)
def test_tie_colours_reach_wcag_graphics_contrast_on_white(kind):
    assert 1.05 / (luminance(kind.colour) + 0.05) >= 3.0


def test_direction_follows_the_contract():
    assert {t.name for t in vocab.TIE_TYPES.values() if t.directed} == {"sanctions", "arms_supply"}


def test_subtypes_are_unique_within_a_type():
    for t in vocab.TIE_TYPES.values():
        assert len(set(t.subtypes)) == len(t.subtypes)


# Viénot, Brettel & Mollon (1999): how protanopes and deuteranopes see linear RGB.
SIMULATION = {
    "protanopia": ((0.11238, 0.88762, 0.0), (0.11238, 0.88762, 0.0), (0.00401, -0.00401, 1.0)),
    "deuteranopia": ((0.29275, 0.70725, 0.0), (0.29275, 0.70725, 0.0), (-0.02234, 0.02234, 1.0)),
}


def _linear(colour):
    def f(c):
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return [f(int(colour[i : i + 2], 16) / 255) for i in (1, 3, 5)]


def _lab(rgb):
    x = 0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]
    y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]
    z = 0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]

    def f(t):
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    fx, fy, fz = f(x / 0.9505), f(y), f(z / 1.089)
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


@pytest.mark.parametrize("vision", ["normal", *SIMULATION])
def test_tie_colours_stay_apart_under_colour_vision_deficiencies(vision):
    """Every pair of tie colours differs by at least 15 ΔE (CIE76) as the viewer sees it."""
    seen = []
    for kind in vocab.TIE_TYPES.values():
        rgb = _linear(kind.colour)
        if vision != "normal":
            rgb = [sum(m * c for m, c in zip(row, rgb, strict=True)) for row in SIMULATION[vision]]
        seen.append((kind.name, _lab([min(max(c, 0.0), 1.0) for c in rgb])))
    for i, (a, lab_a) in enumerate(seen):
        for b, lab_b in seen[i + 1 :]:
            distance = sum((p - q) ** 2 for p, q in zip(lab_a, lab_b, strict=True)) ** 0.5
            assert distance >= 15, f"{a} and {b} look alike under {vision} (ΔE {distance:.1f})"


def test_each_tie_type_says_how_it_is_told_ranked_and_counted():
    kinds = list(vocab.TIE_TYPES.values())
    assert sorted(t.telling for t in kinds) == list(range(len(kinds)))  # a path prefers one type to another
    assert {t.cooperative for t in kinds} == {True, False}  # blocs and balance need both kinds
    for t in kinds:
        assert len(t.phrases) == 2 and all(p.format(what=t.noun) for p in t.phrases)
        assert "{}" in t.subtype_noun


def test_a_contested_status_is_drawn_paler_than_a_confirmed_one():
    assert vocab.STATUSES["confirmed"].alpha == 1.0
    assert all(s.alpha < 1.0 for name, s in vocab.STATUSES.items() if name != "confirmed")
    assert [s.label for s in vocab.STATUSES.values()] == ["Confirmed", "Alleged", "Disputed"]
