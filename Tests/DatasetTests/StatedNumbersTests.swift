import Testing
@testable import Dataset

/// The numbers a quote states, as `datasets validate --seeds` reads them to check a row's figures.
@Suite struct StatedNumbersTests {
    @Test(arguments: [
        ("October 2002 Moscow, Russia: hijacking, 90 dead", 90.0),
        ("stopped over 1,300 crimes related to terrorism", 1300),
        ("member states occupy a territory of around 30.2 million km", 30_200_000),
        ("several Uyghur Islamic terrorists killed more than two dozen people", 24),
        ("Since the foundation of the SCO, more than ten legal documents have been", 10),
        ("twenty-four people were killed", 24),
        ("a quarter of a million people", 250_000),
        ("Bilateral joint exercises, October 10–11, 2002", 2002),
        ("a dozen attacks", 12),
        ("killed 3.5 thousand", 3500),
    ])
    func statesTheFigure(quote: String, figure: Double) {
        #expect(StatedNumbers(quote).contains(figure), "\(quote) should state \(figure)")
    }

    @Test func aContradictedFigureIsNotStated() {
        let stated = StatedNumbers("In May 2024 a bomb exploded, killing 9 people.")
        #expect(!stated.contains(99))
        #expect(!stated.contains(2023))
        #expect(stated.contains(9))
        #expect(stated.contains(2024))
        // A trailing full stop belongs to the sentence: "2001." is 2001, not a malformed number.
        #expect(StatedNumbers("signed in 2001.").contains(2001))
    }

    @Test func anArticleAloneIsNotANumber() {
        // "a" states 1 only before a scale word ("a dozen", "a million").
        #expect(!StatedNumbers("a bomb exploded").contains(1))
        #expect(StatedNumbers("a million people").contains(1_000_000))
    }
}
