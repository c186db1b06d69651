import pytest

from graph import geo


@pytest.mark.parametrize(
    ("lon", "lat", "check"),
    [
        (0, 0, lambda x, y: (x, y) == (0.0, 0.0)),
        (-180, 0, lambda x, y: round(x) == -2436 and y == 0),
        (0, 90, lambda x, y: x == 0 and round(y) == -1186),
        (120, 45, lambda x, y: x > 0 and y < 0),  # east right, north up
    ],
)
def test_project_equal_earth(lon, lat, check):
    assert check(*geo.project(lon, lat))


def test_world_shapes_are_inside_the_projection():
    shapes = geo.world()["shapes"]
    assert 170 <= len(shapes) <= 180 and "Natural Earth" in geo.world()["credit"]
    for shape in shapes:
        for ring in shape["rings"]:
            x = sum(ring[0::2])  # the last point, from the first and the steps
            assert -2440 <= ring[0] <= 2440 and -2440 <= x <= 2440


@pytest.mark.parametrize(
    ("actor", "shape"),
    [("USA", "United States of America"), ("RUS", "Russia"), ("SUN", "Russia"), ("DDR", "Germany"), ("TUR", "Turkey")],
)
def test_shaded_finds_the_shape_of_a_state(world, actor, shape):
    G = world.subgraph([actor])
    assert [geo.world()["shapes"][i]["name"] for i in geo.shaded(G)] == [shape]


def test_shaded_leaves_out_states_too_small_for_the_map(world):
    assert geo.shaded(world.subgraph(["MLT", "SMR", "VAT"])) == []
