/// How a measure is timed: a batch of operations per repetition, long enough for the clock, and
/// the median of several repetitions.
struct TimingPolicy {
  /// The least time one repetition's batch should take.
  var minimumBatch: Duration
  /// How many repetitions to time, when the time cap allows.
  var repetitions: Int
  /// The most time to spend timing one side of a measure; slow operations get fewer repetitions
  /// (never fewer than one), so the benchmark always finishes.
  var cap: Duration

  /// The full run: batches of at least 20 ms, medians of 9, at most 15 s per side.
  static let full = TimingPolicy(minimumBatch: .milliseconds(20), repetitions: 9, cap: .seconds(15))
  /// The smoke run for CI: one short repetition.
  static let quick = TimingPolicy(minimumBatch: .milliseconds(1), repetitions: 1, cap: .seconds(2))
}

/// The timing of one side of a measure.
struct Timing {
  /// The median time of one operation, in nanoseconds.
  var nanosecondsPerOperation: Double
  /// The operations per timed batch.
  var batch: Int
  /// The batches timed (after calibration and warm-up).
  var repetitions: Int
}

/// Times operations with `ContinuousClock`.
enum Stopwatch {
  /// The time `body` takes.
  static func time(_ body: () -> Void) -> Duration {
    let clock = ContinuousClock()
    let start = clock.now
    body()
    return clock.now - start
  }

  /// Compares two operations over the same cases, each side taking the cases in turn and
  /// wrapping around, so that both see the same inputs in the same order.
  static func compare<Case>(
    _ policy: TimingPolicy, cases: [Case], ours: (Case) -> Void, theirs: (Case) -> Void
  ) -> (ours: Timing, theirs: Timing) {
    var ourIndex = 0
    var theirIndex = 0
    return compare(
      policy,
      ours: { count in
        for _ in 0..<count {
          ours(cases[ourIndex])
          ourIndex = ourIndex + 1 == cases.count ? 0 : ourIndex + 1
        }
      },
      theirs: { count in
        for _ in 0..<count {
          theirs(cases[theirIndex])
          theirIndex = theirIndex + 1 == cases.count ? 0 : theirIndex + 1
        }
      })
  }

  /// Times two operations against each other: calibrates a batch size for each, warms both up,
  /// then alternates their repetitions (so a busy moment on the machine hits both alike) and
  /// takes each one's median. `ours` and `theirs` run their operation the given number of times.
  static func compare(
    _ policy: TimingPolicy, ours: (Int) -> Void, theirs: (Int) -> Void
  ) -> (ours: Timing, theirs: Timing) {
    let oursPlan = calibrate(policy, ours)
    let theirsPlan = calibrate(policy, theirs)
    let repetitions = min(oursPlan.repetitions, theirsPlan.repetitions)
    var oursSamples: [Double] = []
    var theirsSamples: [Double] = []
    for _ in 0..<repetitions {
      oursSamples.append(time { ours(oursPlan.batch) }.nanoseconds / Double(oursPlan.batch))
      theirsSamples.append(time { theirs(theirsPlan.batch) }.nanoseconds / Double(theirsPlan.batch))
    }
    return (
      Timing(nanosecondsPerOperation: median(oursSamples), batch: oursPlan.batch, repetitions: repetitions),
      Timing(nanosecondsPerOperation: median(theirsSamples), batch: theirsPlan.batch, repetitions: repetitions)
    )
  }

  /// Finds a batch size reaching the policy's minimum batch time (the runs doing so are the
  /// warm-up), and how many repetitions of it fit in the cap.
  static func calibrate(_ policy: TimingPolicy, _ body: (Int) -> Void) -> (batch: Int, repetitions: Int) {
    var batch = 1
    var elapsed = time { body(batch) }
    while elapsed < policy.minimumBatch {
      let wanted = policy.minimumBatch.nanoseconds / max(elapsed.nanoseconds, 1) * 1.25
      batch = max(batch * 2, min(batch * 1_000, Int(Double(batch) * wanted)))
      elapsed = time { body(batch) }
    }
    // One more warm-up run at the final size, unless a single run is already slow.
    if elapsed < policy.cap / 20 { elapsed = time { body(batch) } }
    let fitting = Int(policy.cap.nanoseconds / max(elapsed.nanoseconds, 1))
    return (batch, max(1, min(policy.repetitions, fitting)))
  }

  /// The median of a non-empty list.
  static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }
}

extension Duration {
  /// The duration in nanoseconds.
  var nanoseconds: Double {
    let parts = components
    return Double(parts.seconds) * 1e9 + Double(parts.attoseconds) / 1e9
  }
}
