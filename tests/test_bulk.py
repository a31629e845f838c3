"""bulk.collector_paused: the cycle collector is off inside and as it was after, error or not."""

from __future__ import annotations

import gc

import pytest

from kennisgraaf.bulk import collector_paused


def test_the_collector_is_paused_inside_and_back_after():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_an_error_inside_still_switches_it_back():
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("kapot")
    assert gc.isenabled()


def test_a_collector_switched_off_by_the_caller_stays_off():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
