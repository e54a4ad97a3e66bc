import Foundation

/// The documents of a JSON Lines buffer or file — invoices and accounts — line by line: each
/// line's number and its document, or the problem that keeps it from being one.
///
/// Lines are cut and read as ``InvoiceLines`` cuts and reads them (and
/// ``Portfolio/stream(on:shard:read:write:problem:progress:render:renderAccount:)``): the same
/// code, one document at a time.
///
/// ```swift
/// for (line, result) in try DocumentLines(contentsOf: url, hostChannels: cadence.hostChannels) {
///   switch result {
///   case .success(.invoice(let invoice)): plans.append(try evaluator.plan(for: invoice, on: today).jsonLine)
///   case .success(.account(let account)): plans.append(try evaluator.plan(for: account, on: today).jsonLine)
///   case .failure(let problem): log(problem.description)  // "line 3: invoices[0].amount: …"
///   }
/// }
/// ```
public struct DocumentLines: Sequence, Sendable {
  /// A line's number (from 1, blank lines counted) and what it holds.
  public typealias Element = (line: Int, document: Result<Document, Portfolio.LineProblem>)

  private let source: LineSource
  /// The host channels documents may name (``Cadence/hostChannels`` of the cadence they are for).
  public var hostChannels: Set<String> { source.hostChannels }

  /// The lines of `data`.
  public init(_ data: Data, hostChannels: Set<String> = []) {
    source = LineSource(storage: .data(data), hostChannels: hostChannels)
  }

  /// The lines of `bytes`.
  public init(_ bytes: [UInt8], hostChannels: Set<String> = []) {
    source = LineSource(storage: .bytes(bytes), hostChannels: hostChannels)
  }

  /// The lines of the regular file at `url`, mapped into memory rather than read into it (a
  /// pipe cannot be: stream it with ``Portfolio/stream(on:shard:read:write:problem:progress:render:renderAccount:)``).
  ///
  /// - Throws: The error of reading the file.
  public init(contentsOf url: URL, hostChannels: Set<String> = []) throws {
    self.init(try Data(contentsOf: url, options: .alwaysMapped), hostChannels: hostChannels)
  }

  /// An iterator from the first line.
  public func makeIterator() -> Iterator { Iterator(source: source) }

  /// Reads the lines one after the other.
  public struct Iterator: IteratorProtocol {
    private let source: LineSource
    private var cursor = LineCursor()

    fileprivate init(source: LineSource) { self.source = source }

    /// The next line that is not blank, `nil` after the last.
    public mutating func next() -> Element? {
      while let (number, outcome) = cursor.next(in: source) {
        switch outcome {
        case .blank: continue
        case .invoice(let invoice): return (number, .success(.invoice(invoice)))
        case .account(let account): return (number, .success(.account(account)))
        case .problem(let problem): return (number, .failure(problem))
        }
      }
      return nil
    }
  }
}
