"""A student's progress through one quiz: which question, how many checked, how many right."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class QuizProgress:
    """Progress through the quiz numbered `seed`; a new number starts again.

    >>> p = QuizProgress(seed=1).checked(right=True).next()
    >>> (p.at, p.right, p.done)
    (1, 1, 1)
    >>> p.for_quiz(2) == QuizProgress(seed=2)
    True
    """

    seed: int
    at: int = 0
    right: int = 0
    done: int = 0

    def for_quiz(self, seed: int) -> QuizProgress:
        """This progress if it is for quiz `seed`, else a fresh start."""
        return self if seed == self.seed else QuizProgress(seed=seed)

    def checked(self, *, right: bool) -> QuizProgress:
        return replace(self, done=self.done + 1, right=self.right + int(right))

    def next(self) -> QuizProgress:
        return replace(self, at=self.at + 1)

    def question(self, count: int) -> int:
        """The index of the current question among `count`."""
        return self.at % count if count else 0

    @property
    def score(self) -> str:
        return f"Score: {self.right} of {self.done} checked."
