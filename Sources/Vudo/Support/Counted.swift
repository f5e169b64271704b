/// "1 page", "3 pages": messages name a count with its noun, which is regular (an `s` added).
func counted(_ count: some BinaryInteger, _ noun: String) -> String {
    count == 1 ? "1 \(noun)" : "\(count) \(noun)s"
}
