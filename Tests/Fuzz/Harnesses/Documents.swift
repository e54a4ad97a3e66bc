// libFuzzer harness `documents`: bytes as an invoice document through the reader; a document
// that reads is written back, read again, and planned and simulated under a small cadence.
// Built outside SwiftPM by Tests/Fuzz/run.
import Foundation

private let cadence = try? Cadence(
  parsing: """
    cadence "fuzz"
      calendar HOST
      I+3   email hello
      D-3   email reminder
      D+1   sms overdue       when balance >= 100.00
      D+10  call              unless tagged "vip" or customer.kind == "person"
      D+20  fee late          when days-overdue in [20, 21, 22]
      D+30  write off
      pause when disputed
      pause when promised
      limit any 2 per 5 days
    """)

private let environment = Environment(
  calendars: ["HOST": BusinessCalendar(weekend: [.saturday, .sunday]) ?? .none])

/// The entry point libFuzzer calls with each input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocuments(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Data(UnsafeBufferPointer(start: data, count: size))
  guard let invoice = try? Invoice(json: bytes) else { return 0 }
  if let written = try? invoice.jsonData() {
    _ = try? Invoice(json: written)
  }
  guard let cadence else { return 0 }
  let evaluator = Evaluator(cadence, environment: environment)
  for offset in [-5, 0, 1, 10, 20, 30, 400] {
    let plan = evaluator.plan(for: invoice, on: invoice.due.adding(days: offset))
    _ = plan.jsonLine
    _ = plan.skipped.map(\.detail)
  }
  _ = Simulator(cadence, environment: environment).run(invoice, through: invoice.due.adding(days: 400)).timeline
  return 0
}
