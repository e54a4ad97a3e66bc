import Foundation

/// The invoices of a JSON Lines buffer or file, line by line: each line's number and its
/// invoice, or the problem that keeps it from being one.
///
/// Lines are cut and read exactly as ``Portfolio/stream(on:shard:read:write:problem:progress:render:renderAccount:)``
/// cuts and reads them — the same code: a line ends at `\n` or at the end of the input, a `\r`
/// before its end is dropped, blank lines (spaces and tabs) are skipped but counted, and a line
/// longer than ``Bounds/documentBytes`` (its `\r\n` not counted) is a problem. It costs less per
/// line than splitting the buffer (`Data.split`) and reading each part with ``Invoice/init(json:hostChannels:)``,
/// and it holds one invoice at a time.
///
/// ```swift
/// for (line, result) in try InvoiceLines(contentsOf: url, hostChannels: cadence.hostChannels) {
///   switch result {
///   case .success(let invoice): store(invoice)
///   case .failure(let problem): log(problem.description)  // "line 3: amount: …"
///   }
/// }
/// ```
public struct InvoiceLines: Sequence, Sendable {
  /// A line's number (from 1, blank lines counted) and what it holds.
  public typealias Element = (line: Int, invoice: Result<Invoice, Portfolio.LineProblem>)

  /// The same lines, read as documents.
  private let documents: DocumentLines
  /// The host channels documents may name (``Cadence/hostChannels`` of the cadence they are for).
  public var hostChannels: Set<String> { documents.hostChannels }

  /// The lines of `data`.
  public init(_ data: Data, hostChannels: Set<String> = []) {
    documents = DocumentLines(data, hostChannels: hostChannels)
  }

  /// The lines of `bytes`.
  public init(_ bytes: [UInt8], hostChannels: Set<String> = []) {
    documents = DocumentLines(bytes, hostChannels: hostChannels)
  }

  /// The lines of the regular file at `url`, mapped into memory rather than read into it.
  ///
  /// A pipe, a FIFO or `/dev/stdin` cannot be mapped (Foundation refuses them, saying
  /// "permission"): stream those with ``Portfolio/stream(on:shard:read:write:problem:progress:render:renderAccount:)``.
  ///
  /// - Throws: The error of reading the file.
  public init(contentsOf url: URL, hostChannels: Set<String> = []) throws {
    documents = try DocumentLines(contentsOf: url, hostChannels: hostChannels)
  }

  /// An iterator from the first line.
  public func makeIterator() -> Iterator { Iterator(documents: documents.makeIterator()) }

  /// Reads the lines one after the other.
  public struct Iterator: IteratorProtocol {
    private var documents: DocumentLines.Iterator

    fileprivate init(documents: DocumentLines.Iterator) { self.documents = documents }

    /// The next line that is not blank, `nil` after the last; an account document is its line's
    /// problem (``DocumentLines`` yields both).
    public mutating func next() -> Element? {
      guard let (number, document) = documents.next() else { return nil }
      switch document {
      case .success(.invoice(let invoice)): return (number, .success(invoice))
      case .success(.account):
        let problem = InputError(
          path: "",
          message: "this line is an account document; `InvoiceLines` yields invoices: read a portfolio of "
            + "accounts with `DocumentLines`, or stream it with `Portfolio.stream`")
        return (number, .failure(Portfolio.LineProblem(line: number, input: InvalidInput(problem))))
      case .failure(let problem): return (number, .failure(problem))
      }
    }
  }
}
