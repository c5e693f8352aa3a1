//! A circuit breaker: after `threshold` failures in a row it opens and refuses calls for a
//! cool-down; then one trial call goes through (half-open): success closes it, failure
//! opens it again. Time is passed in, so the logic is testable without waiting.

use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BreakerState {
    Closed {
        failures: u32,
    },
    Open {
        until: Instant,
    },
    /// A trial call is in flight; others are refused until it reports.
    HalfOpen,
}

#[derive(Debug, Clone)]
pub struct Breaker {
    pub state: BreakerState,
    threshold: u32,
    cooldown: Duration,
}

impl Breaker {
    pub fn new(threshold: u32, cooldown: Duration) -> Breaker {
        Breaker {
            state: BreakerState::Closed { failures: 0 },
            threshold: threshold.max(1),
            cooldown,
        }
    }

    /// May a call go out now? Moves an expired open breaker to half-open.
    pub fn allow(&mut self, now: Instant) -> bool {
        match self.state {
            BreakerState::Closed { .. } => true,
            BreakerState::Open { until } if now >= until => {
                self.state = BreakerState::HalfOpen;
                true
            }
            BreakerState::Open { .. } | BreakerState::HalfOpen => false,
        }
    }

    pub fn success(&mut self) {
        self.state = BreakerState::Closed { failures: 0 };
    }

    pub fn failure(&mut self, now: Instant) {
        self.state = match self.state {
            BreakerState::Closed { failures } if failures + 1 < self.threshold => {
                BreakerState::Closed {
                    failures: failures + 1,
                }
            }
            BreakerState::Open { until } => BreakerState::Open { until },
            _ => BreakerState::Open {
                until: now + self.cooldown,
            },
        };
    }

    /// `closed`, `open` or `half_open`, for status pages.
    pub fn name(&self) -> &'static str {
        match self.state {
            BreakerState::Closed { .. } => "closed",
            BreakerState::Open { .. } => "open",
            BreakerState::HalfOpen => "half_open",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opens_after_the_threshold_and_closes_after_a_good_trial() {
        let t0 = Instant::now();
        let mut b = Breaker::new(3, Duration::from_secs(30));
        for _ in 0..2 {
            assert!(b.allow(t0));
            b.failure(t0);
        }
        assert_eq!(b.name(), "closed");
        assert!(b.allow(t0));
        b.failure(t0);
        assert_eq!(b.name(), "open");
        assert!(!b.allow(t0 + Duration::from_secs(29)));
        // Cool-down over: one trial, the others wait for it.
        assert!(b.allow(t0 + Duration::from_secs(30)));
        assert_eq!(b.name(), "half_open");
        assert!(!b.allow(t0 + Duration::from_secs(30)));
        b.success();
        assert_eq!(b.name(), "closed");
        assert!(b.allow(t0 + Duration::from_secs(31)));
    }

    #[test]
    fn a_failed_trial_opens_it_again_and_a_success_resets_the_count() {
        let t0 = Instant::now();
        let mut b = Breaker::new(2, Duration::from_secs(10));
        b.failure(t0);
        b.success();
        b.failure(t0);
        assert_eq!(b.name(), "closed", "failures must be in a row");
        b.failure(t0);
        assert_eq!(b.name(), "open");
        let later = t0 + Duration::from_secs(10);
        assert!(b.allow(later));
        b.failure(later);
        assert_eq!(
            b.state,
            BreakerState::Open {
                until: later + Duration::from_secs(10)
            }
        );
    }
}
