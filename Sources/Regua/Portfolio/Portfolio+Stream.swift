import Foundation

extension Portfolio {
  /// A problem with one line of a streamed portfolio.
  public struct LineProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The line's number, from 1.
    public let line: Int
    /// What is wrong with it, field by field.
    public let input: InvalidInput

    /// `line N: path: message`, one line per problem.
    public var description: String {
      input.description.split(separator: "\n", omittingEmptySubsequences: false).map { "line \(line): \($0)" }
        .joined(separator: "\n")
    }
  }

  /// The problem of a line longer than a document may be.
  static let overlong = InvalidInput(
    InputError(
      path: "",
      message: "the line is longer than \(Bounds.documentBytes) bytes (\(Bounds.documentBytes / (1024 * 1024)) MiB); "
        + "an invoice document is at most that long"))

  /// What a stream did.
  public struct StreamSummary: Sendable, Hashable {
    /// Lines read (blank ones included).
    public var lines = 0
    /// Plans written.
    public var planned = 0
    /// Invoices left to other shards.
    public var otherShards = 0
    /// Lines that could not be read.
    public var problems = 0
  }

  /// Streams a JSON Lines portfolio: reads invoice documents (one per line; blank lines are
  /// skipped) from `read`, keeps those of `shard`, and writes each plan's JSON line to `write`,
  /// in input order. A line that cannot be read goes to `problem` (in order) and the others are
  /// still planned.
  ///
  /// Whenever `read` returns, the complete lines it brought are planned and written before the
  /// next read, so a live pipe gets its plans as its lines arrive. Memory is bounded by bytes,
  /// whatever the lines' sizes and the cadence's: the lines of one read (planned in batches of at
  /// most ``linesPerBatch`` lines and ``bytesPerBatch`` bytes), one unfinished line of at most
  /// ``Bounds/documentBytes`` bytes, and plans waiting to be written — at most
  /// ``pendingOutputBytes`` and one plan per worker.
  ///
  /// ```swift
  /// // `availableData` returns what a pipe has, where `read(upToCount:)` waits to fill the count.
  /// let input = FileHandle.standardInput
  /// portfolio.stream(
  ///   on: today, read: { let data = input.availableData; return data.isEmpty ? nil : data },
  ///   write: { try? FileHandle.standardOutput.write(contentsOf: $0) },  // never `write(_:)`: it traps
  ///   problem: { log($0.description) })
  /// ```
  ///
  /// - Parameters:
  ///   - date: The day every invoice is planned on.
  ///   - shard: The part of the portfolio to plan; all of it when `nil`.
  ///   - read: The next bytes of the input, `nil` at its end.
  ///   - write: Called with the next plans' bytes, in order.
  ///   - problem: Called with each bad line's problems, in order.
  ///   - progress: Called after the lines of each read (or batch) are written, with the summary
  ///     so far.
  ///   - render: How a plan is written, newline included; `nil` (the default) writes its JSON
  ///     line (``ActionPlan/jsonLine``), straight into the output bytes.
  ///   - renderAccount: How an account's plan is written (a line that is an account document),
  ///     newline included; `nil` (the default) writes its JSON line (``AccountPlan/jsonLine``).
  /// - Returns: How many lines were read, planned, left to other shards and refused.
  @discardableResult
  public func stream(
    on date: CivilDate, shard: Shard? = nil, read: () -> Data?, write: (Data) -> Void,
    problem: (LineProblem) -> Void, progress: (StreamSummary) -> Void = { _ in },
    render: (@Sendable (ActionPlan) -> String)? = nil, renderAccount: (@Sendable (AccountPlan) -> String)? = nil
  ) -> StreamSummary {
    var summary = StreamSummary()
    var buffer: [UInt8] = []
    // Where the line being read starts, and how far the buffer has been searched for its end.
    var start = 0
    var searched = 0
    // Complete lines not planned yet: from their start to their `\n`.
    var lines: [Range<Int>] = []
    // Whether the bytes read are the rest of a line too long to read, dropped until its end.
    var skipping = false
    var atEnd = false
    var outcomes: [LineOutcome] = []
    // Plans and writes the lines cut so far, then forgets them.
    func flush() {
      guard !lines.isEmpty else { return }
      plan(
        lines, in: buffer, outcomes: &outcomes, date: date, shard: shard, summary: &summary, write: write,
        problem: problem, render: render, renderAccount: renderAccount)
      progress(summary)
      lines.removeAll(keepingCapacity: true)
    }
    while !atEnd {
      if let chunk = read() {
        buffer.append(contentsOf: chunk)
      } else {
        atEnd = true
        // The last line may have no `\n`.
        if start < buffer.count { buffer.append(0x0A) }
      }
      buffer.withUnsafeBufferPointer { bytes in
        var from = Swift.max(searched, start)
        while let newline = JSONLines.newline(in: bytes, from: from) {
          if skipping {
            skipping = false
          } else {
            lines.append(start..<newline)
          }
          start = newline + 1
          from = start
          // A full batch is planned at once, so one large read is planned in bounded parts.
          if let first = lines.first,
            lines.count == Portfolio.linesPerBatch || start - first.lowerBound >= Portfolio.bytesPerBatch
          {
            flush()
          }
        }
      }
      searched = buffer.count
      // A line longer than a document may be, whatever follows: report it, and drop its bytes
      // until its end.
      if !skipping, JSONLines.isOverlong(unterminated: buffer.count - start, last: buffer.last) {
        flush()
        summary.lines += 1
        summary.problems += 1
        problem(LineProblem(line: summary.lines, input: Portfolio.overlong))
        skipping = true
      }
      // What this read completed is planned and written before the next read.
      flush()
      if skipping {
        buffer.removeAll(keepingCapacity: true)
        start = 0
        searched = 0
      } else if start > 0 {
        buffer.removeSubrange(0..<start)
        searched -= start
        start = 0
      }
    }
    return summary
  }

  /// Plans `lines` of `buffer` and writes them in order, in rounds that each hold at most
  /// ``pendingOutputBytes`` of plans (and one plan per worker): workers claim lines one by one in
  /// order (``OutputRound``), and each round's plans are written before the next round starts.
  private func plan(
    _ lines: [Range<Int>], in buffer: [UInt8], outcomes: inout [LineOutcome], date: CivilDate, shard: Shard?,
    summary: inout StreamSummary, write: (Data) -> Void, problem: (LineProblem) -> Void,
    render: (@Sendable (ActionPlan) -> String)?, renderAccount: (@Sendable (AccountPlan) -> String)?
  ) {
    let firstLine = summary.lines + 1
    let evaluator = self.evaluator
    let hostChannels = self.hostChannels
    outcomes.removeAll(keepingCapacity: true)
    outcomes.append(contentsOf: repeatElement(.blank, count: lines.count))
    var done = 0
    while done < lines.count {
      let round = OutputRound(lines: done..<lines.count, budget: Portfolio.pendingOutputBytes)
      buffer.withUnsafeBufferPointer { bytes in
        let input = SendableBuffer(UnsafeMutableBufferPointer(mutating: bytes))
        outcomes.withUnsafeMutableBufferPointer { outcomes in
          let output = SendableBuffer(outcomes)
          let threads = Swift.min(workers, lines.count - done)
          Portfolio.run(threads: threads) {
            var bytes = 0
            while let index = round.claim(adding: bytes) {
              bytes = 0
              let line = JSONLines.content(
                in: UnsafeBufferPointer(input.base), from: lines[index].lowerBound, to: lines[index].upperBound)
              let outcome: LineOutcome
              switch JSONLines.read(line, number: firstLine + index, hostChannels: hostChannels) {
              case .blank:
                outcome = .blank
              case .problem(let problem):
                outcome = .problem(problem)
              case .invoice(let invoice):
                if let shard, !shard.contains(invoice) {
                  outcome = .otherShard
                } else {
                  do throws(InvalidInput) {
                    let plan = try evaluator.plan(for: invoice, on: date)
                    let text = render.map { Array($0(plan).utf8) } ?? PlanWriter.bytes(plan, suffix: "\n")
                    bytes = text.count
                    outcome = .plan(text)
                  } catch {
                    // The invoice's amounts cannot be computed: its line's problem, like a
                    // document's.
                    outcome = .problem(LineProblem(line: firstLine + index, input: error))
                  }
                }
              case .account(let account):
                if let shard, !shard.contains(account) {
                  outcome = .otherShard
                } else {
                  do throws(InvalidInput) {
                    let plan = try evaluator.plan(for: account, on: date)
                    let text = Array((renderAccount?(plan) ?? plan.jsonLine + "\n").utf8)
                    bytes = text.count
                    outcome = .plan(text)
                  } catch {
                    outcome = .problem(LineProblem(line: firstLine + index, input: error))
                  }
                }
              }
              output.base[index] = outcome
            }
          }
        }
      }
      let end = round.claimedEnd
      // One buffer of the round's size: each plan's text is released as it is copied.
      var text = Data()
      text.reserveCapacity(round.heldBytes)
      for index in done..<end {
        switch outcomes[index] {
        case .blank:
          break
        case .otherShard:
          summary.otherShards += 1
        case .plan(let plan):
          text.append(contentsOf: plan)
          summary.planned += 1
        case .problem(let line):
          if !text.isEmpty {
            write(text)
            text.removeAll(keepingCapacity: true)
          }
          problem(line)
          summary.problems += 1
        }
        outcomes[index] = .blank
      }
      if !text.isEmpty { write(text) }
      done = end
    }
    summary.lines += lines.count
  }
}

/// What became of one line of a stream, until it is written.
enum LineOutcome {
  case blank
  case otherShard
  case plan([UInt8])
  case problem(Portfolio.LineProblem)
}
