#include "demoidentities.h"

#include "core/nhsnumber.h"
#include "rng.h"

#include <array>
#include <span>

namespace vigil::sim {

namespace {

// Names grouped by heritage so that given and family names go together plausibly; the weights
// roughly follow the older population of England and Wales. Non-ASCII letters are escaped so
// the source is independent of the compiler's source encoding.
struct NameGroup
{
    int weight;
    std::span<const char16_t* const> given;
    std::span<const char16_t* const> family;
};

constexpr std::array<const char16_t*, 44> kBritishGiven{u"Margaret", u"Patricia", u"Susan", u"Elizabeth", u"Jean",
    u"Barbara", u"Linda", u"Christine", u"Janet", u"Helen", u"Sarah", u"Karen", u"Joan", u"Dorothy", u"Eileen",
    u"Pauline", u"Gillian", u"Carol", u"Siobhan", u"Gwen", u"Si\u00e2n", u"Fiona", u"Moira", u"Maureen", u"David",
    u"John", u"Peter", u"Michael", u"Robert", u"Paul", u"Stephen", u"Alan", u"Brian", u"Keith", u"Geoffrey", u"Colin",
    u"Ian", u"Gareth", u"Rhys", u"Dafydd", u"Hamish", u"Angus", u"Declan", u"Se\u00e1n"};
constexpr std::array<const char16_t*, 40> kBritishFamily{u"Smith", u"Jones", u"Williams", u"Taylor", u"Brown",
    u"Davies", u"Evans", u"Wilson", u"Thomas", u"Roberts", u"Johnson", u"Wright", u"Walker", u"Hughes", u"Green",
    u"Hall", u"Clarke", u"Lewis", u"Thompson", u"Robinson", u"Jackson", u"Wood", u"Harris", u"Morgan", u"Price",
    u"Griffiths", u"Llewellyn", u"Campbell", u"Stewart", u"MacDonald", u"Fraser", u"Murray", u"Murphy", u"O'Brien",
    u"Kelly", u"Byrne", u"Gallagher", u"Turner", u"Cooper", u"Ward"};
constexpr std::array<const char16_t*, 18> kSouthAsianGiven{u"Mohammed", u"Imran", u"Tariq", u"Rajesh", u"Sanjay",
    u"Gurpreet", u"Harjit", u"Amrit", u"Anil", u"Aisha", u"Farzana", u"Nasreen", u"Priya", u"Sunita", u"Parveen",
    u"Manjit", u"Shabnam", u"Rukhsana"};
constexpr std::array<const char16_t*, 15> kSouthAsianFamily{u"Patel", u"Khan", u"Ahmed", u"Ali", u"Hussain", u"Begum",
    u"Singh", u"Kaur", u"Sharma", u"Shah", u"Chowdhury", u"Rahman", u"Mistry", u"Iqbal", u"Gill"};
constexpr std::array<const char16_t*, 16> kBlackBritishGiven{u"Winston", u"Delroy", u"Clive", u"Errol", u"Emmanuel",
    u"Oluwaseun", u"Chinedu", u"Kwame", u"Grace", u"Beverley", u"Marcia", u"Hyacinth", u"Comfort", u"Ngozi", u"Abena",
    u"Yvonne"};
constexpr std::array<const char16_t*, 14> kBlackBritishFamily{u"Okafor", u"Adeyemi", u"Mensah", u"Boateng", u"Asante",
    u"Okonkwo", u"Francis", u"Bailey", u"Samuels", u"Campbell", u"Henry", u"Grant", u"Clarke", u"Johnson"};
constexpr std::array<const char16_t*, 8> kEastAsianGiven{
    u"Wei", u"Mei", u"Jun", u"Hui", u"Kenneth", u"Annie", u"Raymond", u"Lily"};
constexpr std::array<const char16_t*, 8> kEastAsianFamily{
    u"Chen", u"Wong", u"Li", u"Lam", u"Cheung", u"Chan", u"Nguyen", u"Tran"};
constexpr std::array<const char16_t*, 8> kPolishGiven{
    u"Agnieszka", u"Katarzyna", u"Ewa", u"Halina", u"Tomasz", u"Piotr", u"Krzysztof", u"Andrzej"};
constexpr std::array<const char16_t*, 7> kPolishFamily{
    u"Nowak", u"Kowalczyk", u"W\u00f3jcik", u"Mazur", u"Krawczyk", u"Zaj\u0105c", u"Kaczmarek"};
constexpr std::array<const char16_t*, 8> kMediterraneanGiven{
    u"Andreas", u"Giorgos", u"Maria", u"Eleni", u"Mehmet", u"Ay\u015fe", u"Giovanni", u"Rosa"};
constexpr std::array<const char16_t*, 7> kMediterraneanFamily{
    u"Georgiou", u"Christodoulou", u"Papadopoulos", u"Y\u0131lmaz", u"Demir", u"Rossi", u"Esposito"};

const std::array<NameGroup, 6> kGroups{{
    {68, kBritishGiven, kBritishFamily},
    {13, kSouthAsianGiven, kSouthAsianFamily},
    {8, kBlackBritishGiven, kBlackBritishFamily},
    {4, kEastAsianGiven, kEastAsianFamily},
    {4, kPolishGiven, kPolishFamily},
    {3, kMediterraneanGiven, kMediterraneanFamily},
}};

QString pick(std::span<const char16_t* const> names, Rng& rng)
{
    return QStringView(names[rng.below(static_cast<quint32>(names.size()))]).toString();
}

// Ten-digit NHS Number 999 BBBBB D C: BBBBB is an affine bijection of the index (unique for
// indices 0..99999), D a digit chosen at random, C the Modulus 11 check digit. The weight of D (2)
// is invertible mod 11, so of the ten choices of D exactly one may give check 10 (no valid number);
// that D is skipped by taking the next one.
QString nhsNumber(quint64 seed, int index)
{
    constexpr quint64 kBlocks = 100000;
    const quint64 key = Rng::mix(seed, 0x4E4853); // "NHS"
    quint64 multiplier = (key % kBlocks) | 1u; // odd and
    if (multiplier % 5 == 0) // not a multiple of 5: coprime with 10^5
        multiplier += 2;
    const quint64 offset = (key >> 32) % kBlocks;
    const quint64 block = (multiplier * (static_cast<quint64>(index) % kBlocks) + offset) % kBlocks;
    QString firstNine = QStringLiteral("999") + QString::number(block).rightJustified(5, QLatin1Char('0'));
    quint64 digit = Rng::mix(key, static_cast<quint64>(index)) % 10;
    for (int attempt = 0; attempt < 10; ++attempt) {
        const QString candidate = firstNine + QString::number(digit);
        if (const std::optional<int> check = core::NhsNumber::checkDigit(candidate))
            return candidate + QString::number(*check);
        digit = (digit + 1) % 10;
    }
    Q_UNREACHABLE();
    return {};
}

} // namespace

QDate DemoIdentities::defaultReferenceDate()
{
    return {2026, 1, 1};
}

core::PatientIdentity DemoIdentities::make(quint64 seed, int index)
{
    return make(seed, index, defaultReferenceDate());
}

core::PatientIdentity DemoIdentities::make(quint64 seed, int index, QDate referenceDate)
{
    Rng rng(Rng::mix(Rng::mix(seed, static_cast<quint64>(index)), 0x4944454E)); // "IDEN"

    int totalWeight = 0;
    for (const NameGroup& group : kGroups)
        totalWeight += group.weight;
    int roll = static_cast<int>(rng.below(static_cast<quint32>(totalWeight)));
    const NameGroup* chosen = &kGroups.front();
    for (const NameGroup& group : kGroups) {
        if (roll < group.weight) {
            chosen = &group;
            break;
        }
        roll -= group.weight;
    }

    core::PatientIdentity identity;
    identity.id = QStringLiteral("demo-") + QString::number(index).rightJustified(3, QLatin1Char('0'));
    identity.givenName = pick(chosen->given, rng);
    identity.familyName = pick(chosen->family, rng);

    // Virtual-ward population: ages 45-95, most around 70 (triangular distribution).
    const int age = kMinimumAge
        + static_cast<int>(rng.below(kMaximumAge - kMinimumAge + 1) / 2 + rng.below(kMaximumAge - kMinimumAge + 2) / 2);
    const int daysBeforeBirthday = static_cast<int>(rng.below(365)); // 0..364: age stays `age`
    identity.birthDate = referenceDate.addYears(-age).addDays(-daysBeforeBirthday);
    identity.nhsNumber = nhsNumber(seed, index);
    return identity;
}

} // namespace vigil::sim
