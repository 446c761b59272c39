namespace MeritApi.Domain.Development;

/// <summary>
/// The forms of competency development (PP 11/2017 Art. 210): classical ones, where learning happens face to face in a
/// class, and non-classical ones, in the workplace or on one's own.
/// </summary>
public enum DevelopmentForm
{
    // Classical (klasikal).
    Training = 1,     // pelatihan
    Course = 2,       // kursus
    Seminar = 3,      // seminar
    Workshop = 4,     // lokakarya
    ELearning = 5,    // e-learning
    Upgrading = 6,    // penataran

    // Non-classical (non-klasikal).
    Coaching = 20,
    Mentoring = 21,
    Internship = 22,  // magang
    Secondment = 23,  // detasering
    Benchmarking = 24, // patok banding
    SelfStudy = 25,   // belajar mandiri
    Exchange = 26,    // pertukaran antara PNS dengan pegawai swasta
    CommunityOfPractice = 27, // komunitas belajar
}

public static class DevelopmentForms
{
    public static bool IsClassical(this DevelopmentForm form) => (int)form < 20;
}
