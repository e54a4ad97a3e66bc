// libFuzzer harness `documents`: bytes as an invoice document through the reader; a document
// that reads is written back and must read back equal (a crash otherwise), then is planned and
// simulated under a small cadence. The same bytes also go through a portfolio stream as JSON
// Lines. Every output is bounded by its input: a plan by a constant plus a multiple of the
// document (its id is repeated in each action's), the writer's JSON by the escapes a character
// can need, the stream's output by the plans of the lines it read. Built outside SwiftPM by
// Tests/Fuzz/run.
import Foundation

private let cadence = try? Cadence(
  parsing: """
    cadence "fuzz"
      calendar HOST
      I+3   email hello
      D-3   email reminder
      D+1   sms overdue       when balance >= 100.00
      D+10  call              unless tagged "vip" or customer.kind == "person"
      D+12  notify push       nudge
      D+20  fee 2%            when days-overdue in [20, 21, 22]
      D+30  write off
      pause when disputed
      pause when promised
      limit any 2 per 5 days
    """)

private let environment = Environment(
  calendars: ["HOST": BusinessCalendar(weekend: [.saturday, .sunday]) ?? .none])

/// The most a plan of the harness's eight-step cadence writes beyond what its document brings.
private let planBound = 8 * 1024
/// The most a plan writes per byte of its document: the invoice id, in each of eight actions'
/// ids and in the plan, each byte escaped to at most six (`\u2028`).
private let planGrowth = 6 * 10

/// The cadence's evaluator, in the environment that has its calendar.
private let evaluator = cadence.flatMap { try? Evaluator($0, environment: environment) }

/// The entry point libFuzzer calls with each input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocuments(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Data(UnsafeBufferPointer(start: data, count: size))
  if let evaluator {
    // The bytes as a portfolio, fed in small chunks so that lines straddle them.
    var offset = 0
    var written = 0
    let summary = Portfolio(evaluator, workers: 1).stream(
      on: CivilDate(daysSinceEpoch: 20_500),
      read: {
        guard offset < bytes.count else { return nil }
        defer { offset += 777 }
        return bytes.subdata(in: offset..<min(bytes.count, offset + 777))
      }, write: { written += $0.count }, problem: { _ in })
    guard written <= planBound * summary.planned + planGrowth * bytes.count else {
      fatalError("the stream wrote \(written) bytes for \(summary.planned) plans of \(bytes.count) bytes")
    }
  }
  guard let invoice = try? Invoice(json: bytes, hostChannels: ["push"]) else { return 0 }
  let written = invoice.jsonData()
  guard written.count <= 6 * bytes.count + 1024 else {
    fatalError("the writer wrote \(written.count) bytes for a document of \(bytes.count)")
  }
  guard let again = try? Invoice(json: written, hostChannels: ["push"]), again == invoice, again.jsonData() == written
  else {
    fatalError("the writer and the reader disagree on \(invoice.jsonLine)")
  }
  guard let evaluator else { return 0 }
  for offset in [-5, 0, 1, 10, 20, 30, 400] {
    // An invoice whose amounts cannot be computed is an input error, not a crash.
    guard let plan = try? evaluator.plan(for: invoice, on: invoice.due.adding(days: offset)) else { return 0 }
    let line = plan.jsonLine
    guard line.utf8.count <= planBound + planGrowth * bytes.count else {
      fatalError("a plan of \(line.utf8.count) bytes for a document of \(bytes.count)")
    }
    _ = plan.skipped.map(\.detail)
  }
  _ = try? Simulator(evaluator).run(invoice, through: invoice.due.adding(days: 400)).timeline
  return 0
}
