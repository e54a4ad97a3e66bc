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
      message: "the line is longer than \(Bounds.documentBytes) bytes (Bounds.documentBytes); "
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
  /// still planned. Memory holds one batch of lines at a time.
  ///
  /// - Parameters:
  ///   - date: The day every invoice is planned on.
  ///   - shard: The part of the portfolio to plan; all of it when `nil`.
  ///   - read: The next bytes of the input, `nil` at its end.
  ///   - write: Called with the next plans' bytes, in order.
  ///   - problem: Called with each bad line's problems, in order.
  ///   - progress: Called after each batch with the summary so far.
  ///   - render: How a plan is written, newline included: its JSON line by default.
  /// - Returns: How many lines were read, planned, left to other shards and refused.
  @discardableResult
  public func stream(
    on date: CivilDate, shard: Shard? = nil, read: () -> Data?, write: (Data) -> Void,
    problem: (LineProblem) -> Void, progress: (StreamSummary) -> Void = { _ in },
    render: @escaping @Sendable (ActionPlan) -> String = { $0.jsonLine + "\n" }
  ) -> StreamSummary {
    var summary = StreamSummary()
    var buffer: [UInt8] = []
    var start = 0
    var lineStarts: [Int] = []
    var lineEnds: [Int] = []
    var overlong = false
    var atEnd = false
    // Evaluates and writes the lines cut so far, then forgets them.
    func flush() {
      guard !lineStarts.isEmpty else { return }
      process(
        buffer: buffer, starts: lineStarts, ends: lineEnds, date: date, shard: shard, summary: &summary,
        write: write, problem: problem, render: render)
      progress(summary)
      lineStarts.removeAll(keepingCapacity: true)
      lineEnds.removeAll(keepingCapacity: true)
    }
    while !atEnd {
      if let chunk = read() {
        buffer.append(contentsOf: chunk)
      } else {
        atEnd = true
        if start < buffer.count, buffer.last != 0x0A { buffer.append(0x0A) }
      }
      // Cut complete lines out of the buffer; a full batch (by lines or by bytes) goes at once.
      var scan = start
      while let newline = buffer[scan...].firstIndex(of: 0x0A) {
        if overlong {
          overlong = false
        } else {
          lineStarts.append(start)
          lineEnds.append(newline)
        }
        start = newline + 1
        scan = start
        if let first = lineStarts.first,
          lineStarts.count == Portfolio.linesPerBatch || start - first >= Portfolio.bytesPerBatch
        {
          flush()
          // The batch's bytes are done with: keep only what follows it.
          buffer.removeSubrange(0..<start)
          start = 0
          scan = 0
        }
      }
      if atEnd { flush() }
      // A line longer than a document may be: report it, and drop its bytes until its end.
      if !overlong, buffer.count - start > Bounds.documentBytes {
        flush()
        summary.lines += 1
        summary.problems += 1
        problem(LineProblem(line: summary.lines, input: Portfolio.overlong))
        overlong = true
      }
      if overlong {
        buffer.removeAll(keepingCapacity: true)
        start = 0
      } else if lineStarts.isEmpty, start > 0 {
        buffer.removeSubrange(0..<start)
        start = 0
      }
    }
    return summary
  }

  /// Reads, evaluates and writes one batch of lines: workers take contiguous parts, and the
  /// parts are written in order.
  private func process(
    buffer: [UInt8], starts: [Int], ends: [Int], date: CivilDate, shard: Shard?, summary: inout StreamSummary,
    write: (Data) -> Void, problem: (LineProblem) -> Void, render: @escaping @Sendable (ActionPlan) -> String
  ) {
    guard !starts.isEmpty else { return }
    let firstLine = summary.lines + 1
    let parts = Swift.min(workers * 4, starts.count)
    let evaluator = self.evaluator
    let hostChannels = self.hostChannels
    var results = [BatchPart](repeating: BatchPart(), count: parts)
    buffer.withUnsafeBufferPointer { bytes in
      let input = SendableBuffer(UnsafeMutableBufferPointer(mutating: bytes))
      results.withUnsafeMutableBufferPointer { results in
        let output = SendableBuffer(results)
        Portfolio.parallel(count: starts.count, workers: workers, parts: parts) { part, range in
          var result = BatchPart()
          result.text.reserveCapacity(range.count * 400)
          for index in range {
            var end = ends[index]
            if end > starts[index], input.base[end - 1] == 0x0D { end -= 1 }
            let line = UnsafeBufferPointer(rebasing: UnsafeBufferPointer(input.base)[starts[index]..<end])
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            if line.count > Bounds.documentBytes {
              result.problems.append(LineProblem(line: firstLine + index, input: Portfolio.overlong))
              continue
            }
            switch Invoice.read(line, hostChannels: hostChannels) {
            case .success(let invoice):
              if let shard, !shard.contains(invoice) {
                result.otherShards += 1
                continue
              }
              result.text += render(evaluator.plan(for: invoice, on: date))
              result.planned += 1
            case .failure(let invalid):
              result.problems.append(LineProblem(line: firstLine + index, input: invalid))
            }
          }
          output.base[part] = result
        }
      }
    }
    for part in results {
      if !part.text.isEmpty { write(Data(part.text.utf8)) }
      for line in part.problems { problem(line) }
      summary.planned += part.planned
      summary.otherShards += part.otherShards
      summary.problems += part.problems.count
    }
    summary.lines += starts.count
  }
}

/// One worker's share of a batch: the plans' text and the bad lines.
struct BatchPart {
  var text = ""
  var planned = 0
  var otherShards = 0
  var problems: [Portfolio.LineProblem] = []
}
