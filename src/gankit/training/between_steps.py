"""What the trainer does between steps: scalars every log.every steps, previews, checkpoints
and evaluations on their own cadences, during the game and during pre-training."""

from __future__ import annotations

import time

from torch import nn

from gankit.core.step import Update
from gankit.training.previews import write_preview


class BetweenSteps:
    """Mixed into the Trainer, whose config, logger, evaluator and parts it uses."""

    def periodic(self, clock: tuple[float, int]) -> tuple[float, int]:
        log = self.config.log
        if self.step % log.every == 0:
            clock = self.flush(clock, self.step, self.noise_level())
        if self.step % log.sample_every == 0:
            self.preview()
        if self.step % log.checkpoint_every == 0:
            self.save()
        if self.evaluator.due(self.step):
            self.evaluator(self.step, self.sampling_generator(), self.logger, self.state_dict)
        return clock

    def periodic_phase(self, clock: tuple[float, int], entry: Update) -> tuple[float, int]:
        """Scalars every log.phase_every (or log.every) steps of a before-game update and at its
        end; likewise checkpoints, and evaluations of the generator every `eval_every` steps."""
        done, log, last = self.runs[entry.name], self.config.log, entry.when.steps
        if done % (log.phase_every or log.every) == 0 or done == last:
            clock = self.flush(clock, done, {}, rate_key=f"{entry.name}/steps_per_s")
        if done % (log.phase_checkpoint_every or log.checkpoint_every) == 0 or done == last:
            self.save()
        due = entry.eval_every > 0 and (done % entry.eval_every == 0 or done == last)
        if due and entry.trains == "generator":
            self.evaluator.during_phase(entry.name, done, self.sampling_generator(), self.logger)
        return clock

    def flush(self, clock: tuple[float, int], step: int, extra: dict[str, float],
              rate_key: str = "steps_per_s") -> tuple[float, int]:
        self.guard.raise_pending()
        now, done = time.perf_counter(), self.steps_done()
        rate = (done - clock[1]) / max(now - clock[0], 1e-9)
        self.last_logged = self.logger.flush_scalars(step, extra | {rate_key: rate})
        return now, done

    def noise_level(self) -> dict[str, float]:
        if self.config.instance_noise.std <= 0:
            return {}
        return {"instance_noise_std": self.parts.noise.std_at(self.step)}

    def sampling_generator(self) -> nn.Module:
        return self.parts.ema.model if self.parts.ema is not None else self.parts.generator

    def preview(self) -> None:
        if self.is_main:
            write_preview(self.parts.data, self.sampling_generator(), self.config, self.step,
                          self.run_dir.samples, self.logger, self.classes)
