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
