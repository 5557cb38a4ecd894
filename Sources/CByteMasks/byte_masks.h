// The bytes of a CSV file that matter to its structure, as bit masks of 64 bytes at a time, for
// StampedAttacksReader. A static inline function in a header: Swift imports it and inlines it,
// with the SSE2 compares and `movemask` that Swift's SIMD types do not lower to (their mask to
// integer conversion compiles to a long shuffle sequence).
#ifndef SCOBRIEF_BYTE_MASKS_H
#define SCOBRIEF_BYTE_MASKS_H

#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#elif defined(__ARM_NEON)
#include <arm_neon.h>
#endif

/// Bit k of each mask stands for byte k of the 64.
typedef struct {
    uint64_t commas;
    uint64_t newlines;
    uint64_t quotes;
    /// Carriage returns and NUL bytes.
    uint64_t specials;
} scobrief_byte_masks;

#if defined(__ARM_NEON)
/// The high bit of each of 16 compare results as a 16-bit mask.
static inline uint64_t scobrief_neon_bits(uint8x16_t matches) {
    static const uint8_t weights[16] = {1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128};
    uint8x16_t weighted = vandq_u8(matches, vld1q_u8(weights));
    return (uint64_t)vaddv_u8(vget_low_u8(weighted)) | (uint64_t)vaddv_u8(vget_high_u8(weighted)) << 8;
}
#endif

/// The masks of the 64 bytes at `bytes` (all 64 must be readable).
static inline scobrief_byte_masks scobrief_byte_masks_of(const uint8_t *bytes) {
    scobrief_byte_masks masks = {0, 0, 0, 0};
#if defined(__SSE2__)
    const __m128i comma = _mm_set1_epi8(','), newline = _mm_set1_epi8('\n'), quote = _mm_set1_epi8('"');
    const __m128i carriageReturn = _mm_set1_epi8('\r'), zero = _mm_setzero_si128();
    __m128i specials[4];
    __m128i anySpecial = zero;
    for (int k = 0; k < 4; k++) {
        __m128i block = _mm_loadu_si128((const __m128i *)(bytes + 16 * k));
        int shift = 16 * k;
        masks.commas |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(block, comma)) << shift;
        masks.newlines |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(block, newline)) << shift;
        masks.quotes |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(block, quote)) << shift;
        specials[k] = _mm_or_si128(_mm_cmpeq_epi8(block, carriageReturn), _mm_cmpeq_epi8(block, zero));
        anySpecial = _mm_or_si128(anySpecial, specials[k]);
    }
    // Carriage returns and NULs are rare: their bits are gathered only when the block has one.
    if (_mm_movemask_epi8(anySpecial) != 0) {
        for (int k = 0; k < 4; k++) {
            masks.specials |= (uint64_t)(uint16_t)_mm_movemask_epi8(specials[k]) << (16 * k);
        }
    }
#elif defined(__ARM_NEON)
    for (int k = 0; k < 4; k++) {
        uint8x16_t block = vld1q_u8(bytes + 16 * k);
        int shift = 16 * k;
        masks.commas |= scobrief_neon_bits(vceqq_u8(block, vdupq_n_u8(','))) << shift;
        masks.newlines |= scobrief_neon_bits(vceqq_u8(block, vdupq_n_u8('\n'))) << shift;
        masks.quotes |= scobrief_neon_bits(vceqq_u8(block, vdupq_n_u8('"'))) << shift;
        masks.specials |= scobrief_neon_bits(vorrq_u8(vceqq_u8(block, vdupq_n_u8('\r')), vceqq_u8(block, vdupq_n_u8(0)))) << shift;
    }
#else
    for (int k = 0; k < 64; k++) {
        uint64_t bit = (uint64_t)1 << k;
        switch (bytes[k]) {
        case ',': masks.commas |= bit; break;
        case '\n': masks.newlines |= bit; break;
        case '"': masks.quotes |= bit; break;
        case '\r': case 0: masks.specials |= bit; break;
        default: break;
        }
    }
#endif
    return masks;
}

#endif
