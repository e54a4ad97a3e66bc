import Dispatch
import Foundation

/// Plans many invoices on one date, on several cores: in memory (`plans(for:on:)`, or its
/// `async` twin off the caller's executor) or streamed from JSON Lines to JSON Lines
/// (``stream(on:shard:read:write:problem:progress:render:renderAccount:)``) with memory bounded by bytes —
/// ``bytesPerBatch`` of lines and ``pendingOutputBytes`` of plans — whatever the portfolio and
/// the cadence. ``InvoiceLines`` reads a JSON Lines buffer as the stream does, for hosts that
/// plan invoices their own way.
///
/// Output is always in input order, byte for byte what evaluating each invoice alone gives, and
/// one bad line never costs the plans of the others.
///
/// ```swift
/// let portfolio = Portfolio(Evaluator(cadence), workers: 2)
/// let plans = portfolio.plans(for: invoices, on: today)
/// ```
public struct Portfolio: Sendable {
  /// The evaluator every invoice goes through.
  public let evaluator: Evaluator
  /// How many threads evaluate at once.
  public let workers: Int
  /// The host channels documents may name (``Cadence/hostChannels`` of the evaluator's cadence).
  public let hostChannels: Set<String>
  /// The most lines a streamed portfolio reads before it evaluates and writes them.
  public static let linesPerBatch = 16_384
  /// The most bytes of lines a streamed portfolio reads before it evaluates and writes them:
  /// with ``linesPerBatch``, what bounds the lines a stream holds (besides one line of at most
  /// ``Bounds/documentBytes`` being read), whatever the lines' sizes.
  public static let bytesPerBatch = 16 * 1024 * 1024
  /// The most bytes of plans a streamed portfolio holds before it writes them, besides one plan
  /// per worker being finished: what bounds the memory of its output, whatever the cadence (a
  /// 2,000-step cadence writes plans of about 300 KB each).
  public static let pendingOutputBytes = 16 * 1024 * 1024
  /// The most actions and skips ``forEachPlan(of:on:_:)`` holds in plans at once, beyond one plan
  /// per worker: about ``pendingOutputBytes`` once written, a skip being some 250 bytes.
  public static let entriesPerBatch = 65_536

  /// A portfolio planner; `workers` defaults to the number of active cores.
  public init(_ evaluator: Evaluator, workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
    self.evaluator = evaluator
    self.workers = Swift.max(1, workers)
    self.hostChannels = evaluator.cadence.hostChannels
  }

  /// The plans of `invoices` on `date`, in their order, on ``workers`` threads while the caller
  /// waits: each the invoice's plan, or the problem that keeps it from being computed (a charge
  /// in another currency, a month missing from a rate table), which concerns that invoice only.
  ///
  /// ```swift
  /// for result in portfolio.plans(for: invoices, on: today) {
  ///   switch result {
  ///   case .success(let plan): execute(plan)
  ///   case .failure(let problems): report(problems)
  ///   }
  /// }
  /// ```
  ///
  /// In async code, `plans(for:on:)` names the `async` overload, which does not block the
  /// caller's executor (`await portfolio.plans(for: invoices, on: today)`).
  public func plans(for invoices: [Invoice], on date: CivilDate) -> [Result<ActionPlan, InvalidInput>] {
    let evaluator = self.evaluator
    return results(of: invoices) { invoice throws(InvalidInput) in try evaluator.plan(for: invoice, on: date) }
  }

  /// The plans of `accounts` on `date`, in their order, on ``workers`` threads while the caller
  /// waits: each the account's plan (``Evaluator/plan(for:on:)->AccountPlan``), or the problem
  /// that keeps it from being computed, which concerns that account only.
  ///
  /// ```swift
  /// let plans = portfolio.plans(for: accounts, on: today).compactMap { try? $0.get() }
  /// for (customer, action) in AccountPlan.workOrder(of: plans) { queue(customer, action) }  // most valuable first
  /// ```
  public func plans(for accounts: [Account], on date: CivilDate) -> [Result<AccountPlan, InvalidInput>] {
    let evaluator = self.evaluator
    return results(of: accounts) { account throws(InvalidInput) in try evaluator.plan(for: account, on: date) }
  }

  /// `plan` of each of `items`, in their order, on ``workers`` threads.
  private func results<Item: Sendable, Plan: Sendable>(
    of items: [Item], _ plan: @escaping @Sendable (Item) throws(InvalidInput) -> Plan
  ) -> [Result<Plan, InvalidInput>] {
    guard !items.isEmpty else { return [] }
    return [Result<Plan, InvalidInput>](unsafeUninitializedCapacity: items.count) { buffer, initialized in
      let slots = SendableBuffer(buffer)
      Portfolio.parallel(count: items.count, workers: workers) { range in
        for index in range {
          slots.base.initializeElement(at: index, to: Result { () throws(InvalidInput) in try plan(items[index]) })
        }
      }
      initialized = items.count
    }
  }

  /// Plans `invoices` on `date` batch by batch, calling `body` with each plan in input order:
  /// for a sequence too large to hold (rows read from a database), memory holds at most
  /// ``linesPerBatch`` invoices, and plans of at most ``entriesPerBatch`` actions and skips plus
  /// one plan per worker, whatever the cadence makes of them.
  ///
  /// ```swift
  /// portfolio.forEachPlan(of: rows.lazy.map(makeInvoice), on: today) { result in
  ///   if case .success(let plan) = result { send(plan) }
  /// }
  /// ```
  public func forEachPlan<Invoices: Sequence<Invoice>>(
    of invoices: Invoices, on date: CivilDate, _ body: (Result<ActionPlan, InvalidInput>) throws -> Void
  ) rethrows {
    var batch: [Invoice] = []
    var iterator = invoices.makeIterator()
    var more = true
    while more {
      batch.removeAll(keepingCapacity: true)
      while batch.count < Portfolio.linesPerBatch {
        guard let invoice = iterator.next() else {
          more = false
          break
        }
        batch.append(invoice)
      }
      var start = 0
      while start < batch.count {
        let plans = planRound(batch, from: start, on: date)
        start += plans.count
        for plan in plans { try body(plan) }
      }
    }
  }

  /// The plans of `invoices[start...]` that fit ``entriesPerBatch``: workers take invoices in
  /// order, one at a time, while the plans made hold fewer entries than that, so the plans are
  /// always of a run of invoices from `start` (at least one).
  func planRound(
    _ invoices: [Invoice], from start: Int, on date: CivilDate
  ) -> [Result<ActionPlan, InvalidInput>] {
    let round = OutputRound(lines: start..<invoices.count, budget: Portfolio.entriesPerBatch)
    var slots = [Result<ActionPlan, InvalidInput>?](repeating: nil, count: invoices.count - start)
    let evaluator = self.evaluator
    slots.withUnsafeMutableBufferPointer { buffer in
      let output = SendableBuffer(buffer)
      Portfolio.run(threads: Swift.min(workers, invoices.count - start)) {
        var entries = 0
        while let index = round.claim(adding: entries) {
          let result = Result { () throws(InvalidInput) in try evaluator.plan(for: invoices[index], on: date) }
          entries = (try? result.get()).map { $0.actions.count + $0.skipped.count } ?? 1
          output.base[index - start] = result
        }
      }
    }
    return slots[..<(round.claimedEnd - start)].compactMap { $0 }
  }

  /// Runs `body` on `parts` contiguous ranges of `0..<count` on `workers` threads.
  static func parallel(
    count: Int, workers: Int, parts: Int? = nil, _ body: @Sendable (_ part: Int, _ range: Range<Int>) -> Void
  ) {
    let parts = Swift.max(1, Swift.min(parts ?? workers * 4, count))
    if workers == 1 {
      for part in 0..<parts { body(part, (count * part / parts)..<(count * (part + 1) / parts)) }
      return
    }
    // `concurrentPerform` uses every core; `workers` bounds it by handing parts out from a
    // counter to `workers` iterations.
    let next = Counter()
    DispatchQueue.concurrentPerform(iterations: Swift.min(workers, parts)) { _ in
      while true {
        let part = next.increment()
        if part >= parts { return }
        body(part, (count * part / parts)..<(count * (part + 1) / parts))
      }
    }
  }

  /// Runs `body` on `threads` threads at once (on the caller's alone for one) and returns when
  /// every one has returned.
  static func run(threads: Int, _ body: @Sendable () -> Void) {
    if threads <= 1 {
      body()
      return
    }
    DispatchQueue.concurrentPerform(iterations: threads) { _ in body() }
  }

  static func parallel(count: Int, workers: Int, _ body: @Sendable (Range<Int>) -> Void) {
    parallel(count: count, workers: workers, parts: nil) { _, range in body(range) }
  }
}

/// A buffer whose elements distinct threads write at distinct indices.
struct SendableBuffer<Element>: @unchecked Sendable {
  let base: UnsafeMutableBufferPointer<Element>
  init(_ base: UnsafeMutableBufferPointer<Element>) { self.base = base }
}

/// A counter shared by threads.
final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private var value = 0

  /// The value before adding one.
  func increment() -> Int {
    lock.lock()
    defer { lock.unlock() }
    value += 1
    return value - 1
  }
}
