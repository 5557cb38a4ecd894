import Testing
@testable import Dataset

@Suite struct QuoteMatcherTests {
    @Test func findsPlainQuotesAcrossLineBreaks() {
        let matcher = QuoteMatcher(sourceText: "September 2004 Beslan, Russia: 300 dead,\n  half of them children")
        #expect(matcher.contains("Beslan, Russia: 300 dead, half of them children"))
        #expect(!matcher.contains("Beslan, Russia: 330 dead"))
    }

    @Test func decodesShiftedCharactersAndLigatures() {
        // From 003: "tions and the diffuse nature of terrorist activities. The SCO has established"
        let garbled = "WLRQV�DQG�WKH�GLͿXVH�QDWXUH�RI�WHUURULVW�DFWLYLWLHV��7KH�6&2�KDV�HVWDEOLVKHG�"
        let matcher = QuoteMatcher(sourceText: garbled)
        #expect(matcher.contains("the diffuse nature of terrorist activities. The SCO has established"))
        #expect(!matcher.contains("the diffuse nature of terrorist activity"))
    }

    @Test func lostDigitsMatchAnyDigit() {
        // "Shanghai Convention ..., June 15, 2001, which made the SCO one of the first"
        let garbled = "Extremism, \n-XQH�����������ZKLFK�PDGH�WKH�6&2�RQH�RI�WKH�ÀUVW"
        let matcher = QuoteMatcher(sourceText: garbled)
        #expect(matcher.contains("June 15, 2001, which made the SCO one of the first"))
    }

    @Test func lostSpaceFollowedBySurvivingSpace() {
        let matcher = QuoteMatcher(sourceText: "FDQ� ÀQG� WKH� ,VODPLF� 0RYHPHQW� RI� 8]EHNLVWDQ")
        #expect(matcher.contains("can find the Islamic Movement of Uzbekistan"))
    }

    @Test func hyphenatedLineBreaksMayBeQuotedWhole() {
        let matcher = QuoteMatcher(sourceText: "in the border region between China and Kyr-\n\ngyzstan, October 10–11, 2002")
        #expect(matcher.contains("between China and Kyrgyzstan, October 10–11, 2002"))
        #expect(matcher.contains("between China and Kyr- gyzstan"))
    }
}
