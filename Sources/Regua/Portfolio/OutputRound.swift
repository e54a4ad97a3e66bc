import Foundation

/// One round of a stream's planning: workers claim lines in input order, one at a time, while
/// the plans' text held so far is under a budget.
///
/// Lines are handed out in increasing order and every claimed line is finished before the round
/// ends, so what a round planned is always a prefix of its lines: it is written in order, and the
/// next round starts after it. A worker claims a line only while the text held is under the
/// budget, so a round holds at most the budget plus one plan per worker.
final class OutputRound: @unchecked Sendable {
  private let lock = NSLock()
  private let budget: Int
  private let end: Int
  private var next: Int
  private var held = 0

  /// A round over lines `start..<end` with `budget` bytes of plans.
  init(lines: Range<Int>, budget: Int) {
    self.next = lines.lowerBound
    self.end = lines.upperBound
    self.budget = budget
  }

  /// Counts `bytes` more of text held (the plan the worker just finished), then hands out the
  /// next line, or `nil` when the lines or the budget are used up.
  func claim(adding bytes: Int) -> Int? {
    lock.lock()
    defer { lock.unlock() }
    held += bytes
    guard next < end, held < budget else { return nil }
    next += 1
    return next - 1
  }

  /// Where the round stopped: every line before it is planned. Read once the workers are done.
  var claimedEnd: Int {
    lock.lock()
    defer { lock.unlock() }
    return next
  }

  /// The bytes of text the round holds. Read once the workers are done.
  var heldBytes: Int {
    lock.lock()
    defer { lock.unlock() }
    return held
  }
}
