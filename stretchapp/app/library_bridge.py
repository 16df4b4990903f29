"""The library as QML sees it: grouped, filtered routine cards, details and problems.

QML sets the kind filter and the search text and shows `rows` (a list model,
so only the cards on screen are made) and `detail` (the routine the app bridge
names); everything shown is computed here from the core Library, which this
bridge swaps whole when the library store has loaded a new one.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from stretchapp.app.library_rows import LibraryRows, Section
from stretchapp.app.stretch_images import StretchImages
from stretchapp.core.model import Routine
from stretchapp.core.palette import kind_roles
from stretchapp.core.pose.equipment import needs_text, what_you_need
from stretchapp.core.red_flags import RED_FLAGS_HEADING
from stretchapp.core.wording.amounts import duration_text, plural
from stretchapp.core.wording.problems import problem_line
from stretchapp.core.wording.routines import (
    KIND_LABELS,
    card_name,
    caution_line,
    detail_sides_text,
    detail_step_name,
    group_label,
    kind_choices,
    kind_label,
    library_empty_text,
    needs_line,
    search_words,
    step_summary,
    total_caption,
)

if TYPE_CHECKING:  # the loader (pydantic) is imported by the store's worker, not here
    from stretchapp.core.loading.library import Library


class LibraryBridge(QObject):
    """Exposes a Library to the library and detail pages."""

    changed = Signal()  # counts, filters (the rows model signals its own changes)
    problemsChanged = Signal()
    loadingChanged = Signal()
    detailChanged = Signal()  # detail: the shown routine changed, or was reloaded

    def __init__(self, images: StretchImages, user_dir: Path,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._images = images
        self._user_dir = user_dir
        self._library: Library | None = None
        self._kind = ""
        self._search = ""
        self._theme = "light"
        self._rows = LibraryRows(self._card, self)
        self._visible = 0
        self._problems: list[dict[str, Any]] = []
        self._detail_id = ""
        self._detail: dict[str, Any] = {}

    # --- from Python -------------------------------------------------------------

    @property
    def library(self) -> Library | None:
        return self._library

    def set_library(self, library: Library) -> None:
        """Show a freshly loaded library (the first one, or a reload)."""
        first = self._library is None
        self._library = library
        self._problems = self._problem_rows(library)
        self._rebuild()
        self._rebuild_detail()
        self.problemsChanged.emit()
        if first:
            self.loadingChanged.emit()

    def show_detail(self, routine_id: str) -> None:
        """The detail page is to show this routine (the app bridge decides which)."""
        if routine_id != self._detail_id:
            self._detail_id = routine_id
            self._rebuild_detail()

    def set_theme(self, theme: str) -> None:
        """Colour drawn thumbnails for the light or the dark theme."""
        if theme != self._theme:
            self._theme = theme
            self._rebuild()
            self._rebuild_detail()

    def routine(self, routine_id: str) -> Routine | None:
        if self._library is None:
            return None
        return self._library.routines.get(routine_id)

    # --- to QML ------------------------------------------------------------------

    def _get_loading(self) -> bool:
        return self._library is None

    def _get_rows(self) -> LibraryRows:
        return self._rows

    def _get_visible(self) -> int:
        return self._visible

    def _get_total(self) -> int:
        return len(self._library.routines) if self._library else 0

    def _get_kind(self) -> str:
        return self._kind

    def _get_search(self) -> str:
        return self._search

    def _get_kinds(self) -> list[dict[str, str]]:
        return kind_choices(with_all=True)

    def _get_problems(self) -> list[dict[str, Any]]:
        return self._problems

    def _get_detail(self) -> dict[str, Any]:
        return self._detail

    def _get_problem_count(self) -> int:
        return len(self._problems)

    def _get_empty_text(self) -> str:
        if self._library is None or self._visible:
            return ""
        return library_empty_text(bool(self._library.routines))

    loading = Property(bool, _get_loading, notify=loadingChanged)
    rows = Property(QObject, _get_rows, constant=True)
    visibleCount = Property(int, _get_visible, notify=changed)
    totalCount = Property(int, _get_total, notify=changed)
    kindFilter = Property(str, _get_kind, notify=changed)
    searchText = Property(str, _get_search, notify=changed)
    kinds = Property(list, _get_kinds, constant=True)
    problems = Property(list, _get_problems, notify=problemsChanged)
    problemCount = Property(int, _get_problem_count, notify=problemsChanged)
    emptyText = Property(str, _get_empty_text, notify=changed)
    detail = Property(dict, _get_detail, notify=detailChanged)

    @Slot(str)
    def setKindFilter(self, kind: str) -> None:
        if kind != self._kind and (kind == "" or kind in KIND_LABELS):
            self._kind = kind
            self._rebuild()

    @Slot(int, int, result=int)
    def setColumns(self, columns: int, keep_row: int) -> int:
        """How many cards fit side by side (QML measures, this arranges); the new
        index of the row that was keep_row, so the view can stay where it was."""
        return self._rows.set_columns(columns, keep_row)

    @Slot(str)
    def setSearchText(self, text: str) -> None:
        if text != self._search:
            self._search = text
            self._rebuild()

    def detail_of(self, routine_id: str) -> dict[str, Any]:
        """Everything the detail page shows about one routine ({} when unknown)."""
        routine = self.routine(routine_id)
        if routine is None:
            return {}
        last = len(routine.steps) - 1
        steps = [{
            "number": index + 1,
            "name": step.stretch.name,
            "summary": step_summary(step),
            "sides": detail_sides_text(step),
            "caution": step.stretch.caution,
            "cautionText": caution_line(step.stretch.caution),
            "accessibleName": detail_step_name(index + 1, step),
            "reps": step.reps,
            "time": duration_text(step.seconds(last=index == last)),
            "thumbnail": self._images.url(step.stretch, None, None, self._theme),
        } for index, step in enumerate(routine.steps)]
        return {
            **self._card(routine),
            "description": routine.description.strip(),
            "safety": routine.safety.strip(),
            "needs": list(what_you_need(routine)),
            "needsLine": needs_line(what_you_need(routine)),
            "redFlags": list(routine.red_flags),
            "redFlagsHeading": RED_FLAGS_HEADING,
            "steps": steps,
        }

    # --- building ----------------------------------------------------------------

    def _card(self, routine: Routine) -> dict[str, Any]:
        thumbnail = ""
        for step in routine.steps:
            thumbnail = self._images.url(step.stretch, None, None, self._theme)
            if thumbnail:
                break
        return {
            "id": routine.id,
            "title": routine.title,
            "kind": routine.kind.value,
            "kindLabel": kind_label(routine.kind),
            **kind_roles(routine.kind),  # kindBg, kindText: the chip's colour roles
            "group": routine.group,
            "groupLabel": group_label(routine.group),
            "totalText": duration_text(routine.total_seconds),
            "stepsText": plural(len(routine.steps), "step"),
            "totalCaption": total_caption(len(routine.steps)),
            "needsText": needs_text(what_you_need(routine)),
            "needsLine": needs_line(what_you_need(routine)),
            "accessibleName": card_name(routine, what_you_need(routine)),
            "thumbnail": thumbnail,
            "user": not routine.builtin,
            "description": " ".join(routine.description.split()),
        }

    def _rebuild_detail(self) -> None:
        detail = self.detail_of(self._detail_id) if self._detail_id else {}
        if detail != self._detail:
            self._detail = detail
            self.detailChanged.emit()

    def _rebuild(self) -> None:
        library = self._library
        sections: list[Section] = []
        visible = 0
        if library is not None:
            words = search_words(self._search)
            for group, routines in library.by_group(self._kind, words):
                sections.append(Section(group, group_label(group), routines))
                visible += len(routines)
        self._rows.set_sections(sections)
        self._visible = visible
        self.changed.emit()

    def _problem_rows(self, library: Library) -> list[dict[str, Any]]:
        """Files that failed to load, and user files loaded with warnings."""
        rows = []
        for report in library.files:
            if not report.problems or (report.loaded and report.builtin):
                continue
            rows.append({
                "file": self._shown(report.path),
                "loaded": report.loaded,
                "messages": [problem_line(p, self._shown(p.path)) for p in report.problems],
            })
        return rows

    def _shown(self, path: Path) -> str:
        home = self._user_dir.parent
        return str(path.relative_to(home)) if path.is_relative_to(home) else str(path)
