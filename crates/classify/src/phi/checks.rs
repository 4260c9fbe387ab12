//! Check-digit validators for identifiers that carry one. Each takes the candidate as written
//! (spaces and hyphens allowed) and says whether it is a well-formed, valid identifier.

#[rustfmt::skip]
const DNI_LETTERS: &[u8; 23] = b"TRWAGMYFPDXBNJZSQVHLCKE";

fn compact(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '/'))
        .flat_map(|c| c.to_uppercase())
        .collect()
}

/// Spanish DNI: 8 digits and the mod-23 control letter.
pub fn dni(s: &str) -> bool {
    let c = compact(s);
    let b = c.as_bytes();
    if b.len() != 9 || !b[..8].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let n: u32 = c[..8].parse().unwrap_or(0);
    DNI_LETTERS[(n % 23) as usize] == b[8]
}

/// Spanish NIE: X/Y/Z (read as 0/1/2), 7 digits and the DNI control letter.
pub fn nie(s: &str) -> bool {
    let c = compact(s);
    let b = c.as_bytes();
    if b.len() != 9 || !b[1..8].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let p = match b[0] {
        b'X' => '0',
        b'Y' => '1',
        b'Z' => '2',
        _ => return false,
    };
    let n: u32 = format!("{p}{}", &c[1..8]).parse().unwrap_or(0);
    DNI_LETTERS[(n % 23) as usize] == b[8]
}

const CF_ODD: [u32; 26] = [
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];
const CF_ODD_DIGITS: [u32; 10] = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21];

/// Italian codice fiscale: 16 characters whose last is the check character over the first 15.
/// Omocodia substitutions (digits replaced by letters L..V) are accepted.
pub fn codice_fiscale(s: &str) -> bool {
    let c = compact(s);
    let b = c.as_bytes();
    if b.len() != 16 || !b.iter().all(u8::is_ascii_alphanumeric) {
        return false;
    }
    let digit_or_omo = |x: u8| x.is_ascii_digit() || b"LMNPQRSTUV".contains(&x);
    let shape = b[..6].iter().all(u8::is_ascii_uppercase)
        && digit_or_omo(b[6])
        && digit_or_omo(b[7])
        && b[8].is_ascii_uppercase()
        && digit_or_omo(b[9])
        && digit_or_omo(b[10])
        && b[11].is_ascii_uppercase()
        && b[12..15].iter().all(|x| digit_or_omo(*x))
        && b[15].is_ascii_uppercase();
    if !shape {
        return false;
    }
    let mut tot = 0;
    for (i, &x) in b[..15].iter().enumerate() {
        tot += if i % 2 == 0 {
            if x.is_ascii_digit() {
                CF_ODD_DIGITS[(x - b'0') as usize]
            } else {
                CF_ODD[(x - b'A') as usize]
            }
        } else if x.is_ascii_digit() {
            (x - b'0') as u32
        } else {
            (x - b'A') as u32
        };
    }
    b[15] == b'A' + (tot % 26) as u8
}

/// US SSN in `AAA-GG-SSSS` form: area not 000, 666 or 9xx; group not 00; serial not 0000.
pub fn ssn(s: &str) -> bool {
    let c = compact(s);
    if c.len() != 9 || !c.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let area: u32 = c[..3].parse().unwrap_or(0);
    let group: u32 = c[3..5].parse().unwrap_or(0);
    let serial: u32 = c[5..].parse().unwrap_or(0);
    area != 0 && area != 666 && area < 900 && group != 0 && serial != 0
}

/// UK NHS number: 10 digits, the last a mod-11 check over the first nine (weights 10..2).
pub fn nhs(s: &str) -> bool {
    let c = compact(s);
    let d: Vec<u32> = c.chars().filter_map(|x| x.to_digit(10)).collect();
    if d.len() != 10 || c.len() != 10 {
        return false;
    }
    let tot: u32 = d[..9]
        .iter()
        .enumerate()
        .map(|(i, x)| x * (10 - i as u32))
        .sum();
    let check = match 11 - tot % 11 {
        11 => 0,
        10 => return false,
        x => x,
    };
    check == d[9]
}

/// Luhn (mod 10) over all the digits of `s` (IMEI, payment cards, Italian health cards).
pub fn luhn(s: &str) -> bool {
    let digits: Vec<u32> = s.chars().filter_map(|x| x.to_digit(10)).collect();
    digits.len() >= 2 && luhn_sum(&digits).is_multiple_of(10)
}

/// The Luhn sum of `values` (the last one is the check value): every second value from the
/// right doubled, its digits added.
fn luhn_sum(values: &[u32]) -> u32 {
    values
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &v)| match (i % 2, v * 2) {
            (1, d) if d > 9 => d - 9,
            (1, d) => d,
            _ => v,
        })
        .sum()
}

/// IMEI: 15 digits with a Luhn check digit.
pub fn imei(s: &str) -> bool {
    let c = compact(s);
    c.len() == 15 && c.bytes().all(|b| b.is_ascii_digit()) && luhn(&c)
}

/// Portuguese NIF (número de identificação fiscal): nine digits, the first 1-3, 5, 6, 8 or 9,
/// the last a mod-11 check digit.
pub fn nif_pt(s: &str) -> bool {
    let c = compact(s);
    if c.len() != 9 || !c.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let d: Vec<u32> = c.bytes().map(|b| u32::from(b - b'0')).collect();
    if ![1, 2, 3, 5, 6, 8, 9].contains(&d[0]) {
        return false;
    }
    let sum: u32 = d[..8].iter().zip((2..=9).rev()).map(|(x, w)| x * w).sum();
    let check = match 11 - sum % 11 {
        10 | 11 => 0,
        c => c,
    };
    check == d[8]
}

/// Italian tessera sanitaria (TEAM card) number: 20 digits starting 80380, Luhn-checked.
pub fn tessera_sanitaria(s: &str) -> bool {
    let c = compact(s);
    c.len() == 20 && c.starts_with("80380") && c.bytes().all(|b| b.is_ascii_digit()) && luhn(&c)
}

/// IBAN: country code, two check digits, BBAN; mod 97 of the rearranged number is 1.
pub fn iban(s: &str) -> bool {
    let c = compact(s);
    let len_ok = match c.get(..2) {
        Some("ES") => c.len() == 24,
        Some("IT") => c.len() == 27,
        Some("GB") => c.len() == 22,
        Some("FR") | Some("PT") => c.len() == 27 || c.len() == 25,
        Some("DE") => c.len() == 22,
        Some(_) => (15..=34).contains(&c.len()),
        None => false,
    };
    if !len_ok || !c.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return false;
    }
    let rearranged = format!("{}{}", &c[4..], &c[..4]);
    let mut rem: u64 = 0;
    for ch in rearranged.chars() {
        let v = match ch.to_digit(36) {
            Some(v) => v as u64,
            None => return false,
        };
        rem = if v >= 10 {
            (rem * 100 + v) % 97
        } else {
            (rem * 10 + v) % 97
        };
    }
    rem == 1
}

/// CatSalut CIP: four letters, a sex digit (0/1), a birth date YYMMDD and three digits.
/// There is no published check digit, so the date must at least be a real one.
pub fn cip_catsalut(s: &str) -> bool {
    let c = compact(s);
    let b = c.as_bytes();
    if b.len() != 14 || !b[..4].iter().all(u8::is_ascii_uppercase) {
        return false;
    }
    if !b[4..].iter().all(u8::is_ascii_digit) || !matches!(b[4], b'0' | b'1') {
        return false;
    }
    let mm: u32 = c[7..9].parse().unwrap_or(0);
    let dd: u32 = c[9..11].parse().unwrap_or(0);
    (1..=12).contains(&mm) && (1..=31).contains(&dd)
}

/// Brazilian CPF: eleven digits, the last two mod-11 check digits (weights 10..2, then 11..2);
/// eleven equal digits are not issued.
pub fn cpf(s: &str) -> bool {
    let c = compact(s).replace('.', "");
    if c.len() != 11 || !c.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let d: Vec<u32> = c.bytes().map(|b| u32::from(b - b'0')).collect();
    if d.iter().all(|x| *x == d[0]) {
        return false;
    }
    let check = |n: usize| {
        let sum: u32 = d[..n]
            .iter()
            .zip((2..=n as u32 + 1).rev())
            .map(|(x, w)| x * w)
            .sum();
        match sum % 11 {
            0 | 1 => 0,
            r => 11 - r,
        }
    };
    check(9) == d[9] && check(10) == d[10]
}

/// UK National Insurance number: two prefix letters (not D, F, I, Q, U, V; the second not O;
/// not BG, GB, KN, NK, NT, TN, ZZ), six digits and a suffix A-D.
pub fn nino(s: &str) -> bool {
    let c: String = compact(s).to_uppercase();
    let b = c.as_bytes();
    if b.len() != 9 || !b[2..8].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let bad = |x: u8| b"DFIQUV".contains(&x) || !x.is_ascii_uppercase();
    if bad(b[0]) || bad(b[1]) || b[1] == b'O' || !b"ABCD".contains(&b[8]) {
        return false;
    }
    !["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"].contains(&&c[..2])
}

/// Portuguese Cartão de Cidadão document number: eight civil-id digits, their check digit,
/// two letters and a check digit; letters count A=10 ... Z=35 and every second value from the
/// right is doubled (minus 9 above 9); the sum is a multiple of 10.
pub fn cartao_cidadao(s: &str) -> bool {
    let c: String = compact(s).to_uppercase();
    if c.len() != 12
        || !c[..9].bytes().all(|b| b.is_ascii_digit())
        || !c[9..11].bytes().all(|b| b.is_ascii_uppercase())
        || !c.as_bytes()[11].is_ascii_digit()
    {
        return false;
    }
    let values: Vec<u32> = c.chars().map(|ch| ch.to_digit(36).unwrap_or(0)).collect();
    luhn_sum(&values).is_multiple_of(10)
}

/// Brazilian Cartão Nacional de Saúde (SUS card): fifteen digits starting 1, 2, 7, 8 or 9,
/// whose sum weighted 15 down to 1 is a multiple of 11.
pub fn cns_br(s: &str) -> bool {
    let c = compact(s);
    if c.len() != 15 || !c.bytes().all(|b| b.is_ascii_digit()) || !"12789".contains(&c[..1]) {
        return false;
    }
    let sum: u32 = c
        .bytes()
        .zip((1..=15).rev())
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    sum.is_multiple_of(11)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn national_ids() {
        assert!(dni("12345678Z"));
        assert!(!dni("12345678A"));
        assert!(nie("X1234567L"));
        assert!(!nie("X1234567A"));
        assert!(codice_fiscale("RSSMRA85T10A562S"));
        assert!(!codice_fiscale("RSSMRA85T10A562T"));
        assert!(ssn("123-45-6789"));
        assert!(!ssn("666-45-6789") || !ssn("000-45-6789"));
        assert!(!ssn("912-45-6789"));
    }

    #[test]
    fn cards_and_devices() {
        assert!(nhs("943 476 5919"));
        assert!(!nhs("943 476 5918"));
        assert!(imei("490154203237518"));
        assert!(!imei("490154203237519"));
        assert!(iban("ES91 2100 0418 4502 0005 1332"));
        assert!(iban("GB82WEST12345698765432"));
        assert!(!iban("ES91 2100 0418 4502 0005 1333"));
        assert!(cip_catsalut("PUFE0850301001"));
        // (CPF, NINO and cartão de cidadão numbers invented here with their check rules.)
        assert!(cpf("529.982.247-25"));
        assert!(!cpf("529.982.247-26"));
        assert!(!cpf("111.111.111-11"));
        assert!(nino("AB 12 34 56 C"));
        assert!(!nino("AB 12 34 56 E"));
        assert!(!nino("GB 12 34 56 A"));
        assert!(!nino("DA 12 34 56 A"));
        assert!(cartao_cidadao("00000000 0 ZZ4"));
        assert!(cns_br("700000000000005"));
        assert!(!cns_br("700000000000006"));
        assert!(!cartao_cidadao("00000000 0 ZZ5"));
        assert!(!cip_catsalut("PUFE0851301001"));
    }
}
