import Foundation
import Testing

@testable import Regua

@Suite("InvoiceLines")
struct InvoiceLinesTests {
  @Test("reads the invoices and problems the stream reads, numbered alike, from Data and bytes")
  func sameAsTheStream() throws {
    let (evaluator, invoices, date) = try PortfolioTests.generated()
    var lines = invoices.map(\.jsonLine)
    let bad = [17: #"{"id":"X","amount":1}"#, 400: "not json", 401: "", 402: " \t", 999: #"{"id":"Y","#]
    for (line, text) in bad.sorted(by: { $0.key < $1.key }) { lines.insert(text, at: line) }
    // Some lines end in `\r\n`, and the last has no end.
    let text = lines.enumerated().map { $0.offset % 3 == 0 ? $0.element + "\r" : $0.element }
      .joined(separator: "\n")
    let (output, problems) = PortfolioTests.stream(
      text.components(separatedBy: "\n"), evaluator: evaluator, date: date, workers: 2)
    for source in [InvoiceLines(Data(text.utf8)), InvoiceLines(Array(text.utf8))] {
      let read = Array(source)
      let plans = try read.compactMap { try? $0.invoice.get() }.map { try evaluator.plan(for: $0, on: date).jsonLine }
      #expect(plans == output)
      #expect(read.compactMap { if case .failure(let problem) = $0.invoice { problem } else { nil } } == problems)
      #expect(read.map(\.line).filter { !problems.map(\.line).contains($0) }.count == invoices.count)
    }
    #expect(problems.map(\.line) == [18, 401, 1_000])
  }

  @Test("reads a file, and nothing from an empty one")
  func file() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("invoice-lines-\(UUID().uuidString).jsonl")
    defer { try? FileManager.default.removeItem(at: url) }
    let (_, invoices, _) = try PortfolioTests.generated()
    try Data(invoices.prefix(3).map { $0.jsonLine + "\n" }.joined().utf8).write(to: url)
    let read = try InvoiceLines(contentsOf: url).map { try $0.invoice.get().id }
    #expect(read == ["INV-0", "INV-1", "INV-2"])
    #expect(Array(InvoiceLines(Data())).isEmpty)
    #expect(Array(InvoiceLines(Data("\n \n\r\n".utf8))).isEmpty)
  }
}

@Suite("DocumentLines")
struct DocumentLinesTests {
  @Test("reads invoices and accounts as the stream does, each planned alike; InvoiceLines refuses the accounts")
  func mixed() throws {
    let evaluator = try Evaluator(try Cadence(parsing: "cadence \"c\"\n  D+1 email overdue\n"))
    let date = day("2026-03-11")
    let text = ([""] + AccountStreamTests.lines).joined(separator: "\n")
    let (output, problems) = PortfolioTests.stream(
      text.components(separatedBy: "\n"), evaluator: evaluator, date: date, workers: 1)
    for source in [DocumentLines(Data(text.utf8)), DocumentLines(Array(text.utf8))] {
      let read = Array(source)
      #expect(read.map(\.line) == [2, 3, 4, 5, 6])
      let plans = try read.compactMap { try? $0.document.get() }.map { document in
        switch document {
        case .invoice(let invoice): try evaluator.plan(for: invoice, on: date).jsonLine
        case .account(let account): try evaluator.plan(for: account, on: date).jsonLine
        }
      }
      #expect(plans == output)
      #expect(read.compactMap { if case .failure(let problem) = $0.document { problem } else { nil } } == problems)
    }
    let invoices = Array(InvoiceLines(Data(text.utf8)))
    #expect(invoices.compactMap { try? $0.invoice.get().id } == ["I-1"])
    #expect(
      invoices.first?.invoice.failureDescription?.contains("read a portfolio of accounts with `DocumentLines`") == true)
  }
}

extension Result where Failure == Portfolio.LineProblem {
  fileprivate var failureDescription: String? {
    if case .failure(let problem) = self { problem.description } else { nil }
  }
}
