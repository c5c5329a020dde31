"""A time axis in quarters and years for the Gantt chart (pyqtgraph; imported lazily)."""

from __future__ import annotations

import math

from velsen_desk.core.timeline import quarter_label
from velsen_desk.ui.widgets.plotting import pg


class QuarterAxis(pg.AxisItem):
    """Years as major ticks ("2024"), quarters as minor ticks ("Q2"); quarters hide when too dense."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setStyle(textFillLimits=[(0, 0.9), (1, 0.9)])

    def tickValues(self, minVal, maxVal, size):  # noqa: N803 (pyqtgraph's names)
        if maxVal <= minVal:
            return []
        years = [float(y) for y in range(math.ceil(minVal), math.floor(maxVal) + 1)]
        pixels_per_year = size / (maxVal - minVal)
        if pixels_per_year < 30:
            step = max(1, math.ceil(60 / max(pixels_per_year, 1)))
            return [(float(step), [y for y in years if int(y) % step == 0])]
        quarters = [
            q / 4 for q in range(math.ceil(minVal * 4), math.floor(maxVal * 4) + 1) if q % 4 != 0
        ]
        if pixels_per_year < 120:
            return [(1.0, years)]
        return [(1.0, years), (0.25, quarters)]

    def tickStrings(self, values, scale, spacing):  # noqa: D102
        if spacing >= 1.0:
            return [str(int(round(v))) for v in values]
        return [quarter_label(v) for v in values]


class RowAxis(pg.AxisItem):
    """Row labels on the left; long ones are shortened (the full text is in the tooltip)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setStyle(textFillLimits=[(0, 1.0)], autoExpandTextSpace=False)
        self._labels: dict[int, str] = {}

    def set_labels(self, labels: list[str], limit: int = 42) -> None:
        self._labels = {i: (t if len(t) <= limit else t[: limit - 1].rstrip() + "…") for i, t in enumerate(labels)}
        self.picture = None
        self.update()

    def tickValues(self, minVal, maxVal, size):  # noqa: N803 (pyqtgraph's names)
        low, high = sorted((minVal, maxVal))  # an inverted view hands the range over reversed
        visible = [float(i) for i in self._labels if low - 0.5 <= i <= high + 0.5]
        return [(1.0, visible)]

    def tickStrings(self, values, scale, spacing):  # noqa: D102
        return [self._labels.get(int(round(v)), "") for v in values]
