import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from graph import vocab
from graph.state import STORY_START, ViewState

ROOT = Path(__file__).parent.parent


def test_view_state_is_hashable_and_shows_everything_by_default():
    assert hash(ViewState()) == hash(ViewState())
    assert ViewState().types == tuple(vocab.TIE_TYPES) and ViewState().statuses == tuple(vocab.STATUSES)
    with pytest.raises(dataclasses.FrozenInstanceError):
        STORY_START.depth = 2


@pytest.mark.parametrize("module", ["graph.links", "graph.stories"])
def test_state_is_a_leaf_that_links_and_stories_read_without_the_view(module):
    code = f"import sys, {module}; print('graph.view' in sys.modules, 'graph.state' in sys.modules)"
    found = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert found.stdout.split() == ["False", "True"]
