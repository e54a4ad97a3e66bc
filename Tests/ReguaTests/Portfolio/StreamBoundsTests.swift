import Foundation
import Testing

@testable import Regua

/// What a stream holds and when it writes: issue 20's second round of hostile input.
@Suite("Stream bounds")
struct StreamBoundsTests {
  /// Bytes of plan text rendered and not yet written, and the most of them at once.
  final class HeldText: @unchecked Sendable {
    private let lock = NSLock()
    private var held = 0
    private(set) var peak = 0
    private(set) var largest = 0
    private(set) var rendered = 0

    func render(_ text: String) -> String {
      lock.lock()
      defer { lock.unlock() }
      held += text.utf8.count
      rendered += text.utf8.count
      largest = max(largest, text.utf8.count)
      peak = max(peak, held)
      return text
    }

    func written(_ bytes: Int) {
      lock.lock()
      defer { lock.unlock() }
      held -= bytes
    }
  }

  /// A cadence of `steps` emails, one a day from the due date: planned long after, every step
  /// is skipped as missed, so each plan is about 150 bytes per step.
  static func wideCadence(steps: Int) throws -> Cadence {
    var source = "cadence \"wide\" version 1\n"
    for day in 0..<steps { source += "  D+\(day) email notice-\(day)\n" }
    return try Cadence(parsing: source)
  }

  /// A small invoice document, due in 2020.
  static func smallInvoice(_ index: Int, padding: Int = 0) -> String {
    #"{"id":"INV-\#(index)","currency":"BRL","amount":"480.00","issued":"2020-03-02","due":"2020-03-10","#
      + #""customer":{"id":"C-\#(index % 7)","kind":"company","segment":"smb"}"#
      + String(repeating: " ", count: padding) + "}"
  }

  @Test("a 2,000-step cadence's plans are written before they hold more than pendingOutputBytes", arguments: [1, 2])
  func pendingOutputBound(workers: Int) throws {
    // The issue's 2,000 steps × 8,000 invoices held 2.6 GB of plans; 160 invoices are enough to
    // hold three times the bound when nothing is written before the batch ends.
    let evaluator = try Evaluator(try StreamBoundsTests.wideCadence(steps: 2_000))
    let date = try CivilDate(parsing: "2026-12-01")
    let input = Data((0..<160).map { StreamBoundsTests.smallInvoice($0) + "\n" }.joined().utf8)
    let held = HeldText()
    var reads = 0
    var written = 0
    let summary = Portfolio(evaluator, workers: workers).stream(
      on: date,
      read: {
        reads += 1
        return reads == 1 ? input : nil
      },
      write: { data in
        written += data.count
        held.written(data.count)
      }, problem: { Issue.record("\($0)") }, render: { held.render($0.jsonLine + "\n") })
    #expect(summary.planned == 160)
    #expect(written == held.rendered)
    #expect(held.largest > 200_000)
    #expect(held.rendered > 3 * Portfolio.pendingOutputBytes)
    #expect(held.peak <= Portfolio.pendingOutputBytes + workers * held.largest)
  }

  @Test("the plans of a read's lines are written before the next read")
  func plansAsLinesArrive() throws {
    let (evaluator, invoices, date) = try PortfolioTests.generated()
    let lines = invoices.prefix(5).map { Data(($0.jsonLine + "\n").utf8) }
    var reads = 0
    var plansBeforeRead: [Int] = []
    var plans = 0
    Portfolio(evaluator, workers: 2).stream(
      on: date,
      read: {
        plansBeforeRead.append(plans)
        reads += 1
        return reads <= lines.count ? lines[reads - 1] : nil
      },
      write: { plans += $0.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }, problem: { Issue.record("\($0)") })
    #expect(plansBeforeRead == [0, 1, 2, 3, 4, 5])
  }

  /// `first`, a line of `length` bytes, and `last`, each ending in `\r\n`, and where the long
  /// line's `\r` is.
  static func crlfInput(length: Int) -> (input: Data, end: Int) {
    let first = smallInvoice(1)
    let long = smallInvoice(2, padding: length - smallInvoice(2).utf8.count)
    let text = first + "\r\n" + long + "\r\n" + smallInvoice(3) + "\r\n"
    return (Data(text.utf8), first.utf8.count + 2 + long.utf8.count)
  }

  /// Streams `input` in two reads split at `split`, then in reads of 64 KiB.
  static func stream(_ input: Data, split: Int) throws -> (plans: [String], problems: [Int]) {
    let (evaluator, _, date) = try PortfolioTests.generated()
    var chunks = [input.subdata(in: 0..<split)]
    var offset = split
    while offset < input.count {
      chunks.append(input.subdata(in: offset..<min(input.count, offset + 65_536)))
      offset += 65_536
    }
    var next = 0
    var output = Data()
    var problems: [Int] = []
    Portfolio(evaluator, workers: 2).stream(
      on: date,
      read: {
        defer { next += 1 }
        return next < chunks.count ? chunks[next] : nil
      }, write: { output.append($0) }, problem: { problems.append($0.line) })
    return (String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init), problems)
  }

  /// Reads that end just before, on and after the long line's `\r` and `\n`, and elsewhere.
  static let splits = [-3, -2, -1, 0, 1, 2, 3, 4]

  @Test("a CRLF line of exactly a document's length is read wherever the reads end", arguments: splits)
  func crlfAtTheBound(offset: Int) throws {
    let (input, end) = StreamBoundsTests.crlfInput(length: Bounds.documentBytes)
    let (plans, problems) = try StreamBoundsTests.stream(input, split: end + offset)
    #expect(problems == [])
    #expect(plans.count == 3)
    #expect(plans.map { $0.contains("\"invoice\":\"INV-2\"") } == [false, true, false])
  }

  @Test("a CRLF line one byte past a document's length is refused wherever the reads end", arguments: splits)
  func crlfPastTheBound(offset: Int) throws {
    let (input, end) = StreamBoundsTests.crlfInput(length: Bounds.documentBytes + 1)
    let (plans, problems) = try StreamBoundsTests.stream(input, split: end + offset)
    #expect(problems == [2])
    #expect(plans.count == 2)
  }

  @Test("InvoiceLines decides a line at the bound as the stream does")
  func invoiceLinesAtTheBound() throws {
    let accepted = InvoiceLines(StreamBoundsTests.crlfInput(length: Bounds.documentBytes).input).map(\.invoice)
    #expect(accepted.map { (try? $0.get())?.id } == ["INV-1", "INV-2", "INV-3"])
    let refused = Array(InvoiceLines(StreamBoundsTests.crlfInput(length: Bounds.documentBytes + 1).input))
    #expect(refused.map(\.line) == [1, 2, 3])
    #expect(refused.map { (try? $0.invoice.get()) == nil } == [false, true, false])
  }
}
