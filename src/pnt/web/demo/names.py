"""Names for the demo people: newcomers of many origins, Flemish volunteers and staff.

Hand-written lists (no Faker at run time) so that a seed gives the same people on every
machine and every library version.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Origin:
    """Where a group of newcomers comes from: their names and the languages they speak."""

    code: str
    # Relative share among the newcomers of the demo (roughly the mix seen in Flanders).
    weight: float
    languages: tuple[str, ...]
    # The site language (one of settings.LANGUAGES) such a newcomer is most likely to use.
    preferred_language: str
    women: tuple[str, ...]
    men: tuple[str, ...]
    surnames: tuple[str, ...]
    # Share under the civic integration obligation: most people with temporary protection
    # (Ukraine) are not obliged, and follow the trajectory voluntarily.
    obliged_share: float = 0.92


def _split(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


ORIGINS: tuple[Origin, ...] = (
    Origin(
        "syria", 12, ("ar", "ku"), "ar",
        _split("Amal, Rasha, Hiba, Rana, Lama, Nour, Dima, Yasmin, Reem, Hala, Ghada, Samar, "
               "Maya, Rim, Alaa, Fatima, Aya, Sara, Lina, Zeinab"),
        _split("Ahmad, Mohammad, Khaled, Omar, Hassan, Yousef, Bashar, Fadi, Samer, Rami, "
               "Tarek, Wael, Ammar, Mahmoud, Ali, Hussam, Firas, Majd, Ibrahim, Mustafa"),
        _split("Al-Hamwi, Haddad, Khoury, Al-Ahmad, Darwish, Sabbagh, Al-Halabi, Kassab, Shami, "
               "Nassar, Al-Omar, Hamdan, Saleh, Zaher, Mansour, Al-Khatib, Jaber, Attar, Qassem"),
    ),
    Origin(
        "afghanistan", 12, ("fa", "ps"), "en",
        _split("Zahra, Maryam, Fatima, Sakina, Parwana, Shabnam, Mahbooba, Nilofar, Freshta, "
               "Habiba, Laila, Marzia, Roya, Soraya, Zarghona, Farida, Nargis, Gulalai"),
        _split("Ahmad, Abdul, Mohammad, Hamid, Naweed, Farid, Jawad, Rahim, Sayed, Zabihullah, "
               "Mustafa, Hakim, Khalid, Wahid, Noorullah, Bilal, Shafiq, Yama"),
        _split("Ahmadi, Rahimi, Hakimi, Karimi, Sultani, Hashimi, Nazari, Azizi, Haidari, "
               "Mohammadi, Popal, Stanekzai, Wardak, Jalali, Amiri, Safi, Noori, Sadat"),
    ),
    Origin(
        "ukraine", 14, ("uk", "ru"), "uk",
        _split("Olena, Iryna, Natalia, Oksana, Tetiana, Yulia, Kateryna, Svitlana, Anastasiia, "
               "Viktoriia, Olha, Mariia, Halyna, Liudmyla, Daryna, Sofiia"),
        _split("Oleksandr, Andrii, Dmytro, Serhii, Volodymyr, Mykola, Yurii, Ivan, Vasyl, "
               "Bohdan, Taras, Maksym, Artem, Oleh, Pavlo, Roman"),
        _split("Shevchenko, Kovalenko, Bondarenko, Tkachenko, Kravchenko, Melnyk, Boiko, Koval, "
               "Oliinyk, Lysenko, Marchenko, Rudenko, Savchenko, Petrenko, Moroz, Pavlenko"),
        obliged_share=0.2,
    ),
    Origin(
        "eritrea", 7, ("ti", "ar"), "en",
        _split("Selam, Helen, Saba, Mebrat, Senait, Luwam, Feven, Hiwet, Rahwa, Yohana, Tsega, "
               "Winta, Almaz, Semhar, Ruta, Mihret"),
        _split("Yonas, Tesfay, Dawit, Kidane, Mehari, Filmon, Samuel, Tekle, Haile, Biniam, "
               "Robel, Yemane, Amanuel, Natnael, Mussie, Efrem"),
        _split("Tesfamariam, Gebremedhin, Tekle, Habte, Ghebreyesus, Berhane, Kidane, Woldu, "
               "Andemariam, Mehari, Abraha, Haile, Asmerom, Yohannes, Okbay, Teklehaimanot"),
    ),
    Origin(
        "morocco", 9, ("ar", "zgh", "fr"), "ar",
        _split("Fatima, Khadija, Naima, Samira, Hanane, Salma, Imane, Soukaina, Meryem, Latifa, "
               "Zineb, Houda, Nadia, Asmae, Ikram, Siham"),
        _split("Mohamed, Youssef, Rachid, Abdelkader, Hamid, Karim, Said, Mustapha, Hicham, "
               "Nabil, Adil, Mehdi, Anass, Driss, Khalid, Yassine"),
        _split("El Amrani, Benali, El Idrissi, Bouzid, Ait Ali, El Khattabi, Ouahbi, Boukhari, "
               "Tahiri, Ziani, Berrada, Lahlou, El Fassi, Bennani, Chaoui, Azzouzi, El Mansouri"),
    ),
    Origin(
        "congo", 6, ("fr", "ln", "sw"), "fr",
        _split("Grâce, Esther, Nadine, Ruth, Ornella, Mireille, Chantal, Divine, Patience, "
               "Sarah, Gloria, Joëlle, Merveille, Blandine, Clarisse"),
        _split("Jean-Pierre, Patrick, Christian, Fiston, Héritier, Trésor, Junior, Serge, Guy, "
               "Cédric, Patient, Dieudonné, Olivier, Glody, Exaucé"),
        _split("Mbuyi, Kabongo, Ilunga, Tshimanga, Mukendi, Kalala, Lukusa, Mwamba, Kasongo, "
               "Ngoy, Nsimba, Makiese, Lumbala, Kabeya, Mulumba, Kanku"),
    ),
    Origin(
        "turkey", 7, ("tr", "ku"), "en",
        _split("Ayşe, Fatma, Zeynep, Elif, Emine, Hatice, Merve, Büşra, Esra, Derya, Sibel, "
               "Gül, Selin, Hülya"),
        _split("Mehmet, Mustafa, Ahmet, Ali, Hüseyin, Hasan, İbrahim, Emre, Murat, Burak, "
               "Kemal, Serkan, Yusuf, Ömer"),
        _split("Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Öztürk, Aydın, Arslan, Doğan, "
               "Kılıç, Aslan, Çetin, Koç, Kurt, Özdemir"),
    ),
    Origin(
        "somalia", 5, ("so", "ar"), "en",
        _split("Hodan, Faduma, Amina, Sahra, Hawa, Ubah, Ifrah, Sagal, Deeqa, Nasra, Hibaaq, "
               "Khadra, Ayaan, Fartun"),
        _split("Abdirahman, Abdullahi, Mohamed, Ahmed, Hassan, Abdi, Farah, Liban, Mahad, "
               "Guled, Omar, Yusuf, Ismail, Bashir"),
        _split("Warsame, Farah, Abdi, Hassan, Jama, Osman, Nur, Ali, Mohamud, Aden, Hussein, "
               "Egal, Dirie, Ibrahim, Gedi"),
    ),
    Origin(
        "palestine", 8, ("ar",), "ar",
        _split("Ruba, Hanan, Lubna, Mariam, Dalia, Asmaa, Manar, Suha, Wafa, Shireen, Nisreen, "
               "Ola, Tasneem, Bayan"),
        _split("Mahmoud, Khalil, Issa, Jamal, Nidal, Saleh, Anas, Mohannad, Yazan, Ayman, "
               "Tamer, Osama, Hamza, Waleed"),
        _split("Abu Khalil, Barghouti, Nassar, Odeh, Shaheen, Qasem, Haddad, Abu Zaid, Awad, "
               "Zoabi, Hammad, Saadeh, Masri, Tamimi"),
    ),
    Origin(
        "iraq", 6, ("ar", "ku"), "ar",
        _split("Zainab, Noor, Huda, Shahad, Ban, Sura, Israa, Duaa, Maysoon, Rusul, Shilan, "
               "Ghufran, Hadeel, Bahar"),
        _split("Ali, Hussein, Haider, Mustafa, Ahmed, Karrar, Mohammed, Abbas, Hasan, Rebin, "
               "Saif, Karwan, Zaid, Sajjad"),
        _split("Al-Jubouri, Al-Tamimi, Al-Obaidi, Al-Saadi, Al-Rubaie, Al-Dulaimi, Al-Khafaji, "
               "Al-Shammari, Kadhim, Jasim, Hamoudi, Al-Zubaidi, Abdulla, Rashid"),
    ),
    Origin(
        "venezuela", 4, ("es",), "en",
        _split("María José, Daniela, Gabriela, Andrea, Valentina, Mariana, Carolina, Yelitza, "
               "Génesis, Yusmary, Alejandra, Paola, Rosa, Luisana"),
        _split("José Luis, Carlos, Luis, Jesús, Miguel Ángel, Jorge, Daniel, Alejandro, "
               "Andrés, Rafael, Yorman, Kevin, Jhonny, Eduardo"),
        _split("González, Rodríguez, Pérez, Hernández, García, Martínez, López, Ramírez, "
               "Sánchez, Díaz, Torres, Rojas, Mendoza, Guerrero, Colmenares, Briceño"),
    ),
    Origin(
        "guinea", 5, ("ff", "fr"), "fr",
        _split("Mariama, Kadiatou, Fatoumata, Aïssatou, Hawa, Mariame, Djenabou, Oumou, "
               "Binta, Hadja"),
        _split("Mamadou, Alpha, Ibrahima, Thierno, Amadou, Boubacar, Ousmane, Abdoulaye, "
               "Souleymane, Lansana"),
        _split("Diallo, Barry, Bah, Sow, Baldé, Camara, Condé, Sylla, Keita, Touré"),
    ),
)  # fmt: skip

FLEMISH_WOMEN = _split(
    "An, Els, Katrien, Sofie, Lien, Annelies, Griet, Marleen, Hilde, Veerle, Inge, Lotte, "
    "Fien, Elke, Nele, Ine, Leen, Mieke, Sara, Charlotte, Jana, Emma, Marie, Lore, Hanne, "
    "Liesbeth, Kristien, Greet, Ria, Tine, Evelien, Ilse, Karolien, Maaike"
)
FLEMISH_MEN = _split(
    "Jan, Pieter, Wim, Koen, Bart, Tom, Dirk, Luc, Geert, Stijn, Jeroen, Joris, Filip, Kris, "
    "Johan, Wouter, Thomas, Ruben, Arne, Lucas, Jef, Staf, Frans, Marc, Patrick, Rik, Bram, "
    "Sander, Jens, Tim, Jonas, Gert, Lieven, Toon"
)
FLEMISH_SURNAMES = _split(
    "Peeters, Janssens, Maes, Jacobs, Mertens, Willems, Claes, Goossens, Wouters, De Smet, "
    "Van den Broeck, Hermans, Aerts, Van Dyck, Verstraeten, Vermeulen, Michiels, Smets, "
    "Pauwels, De Wit, Bogaerts, Van Damme, Hendrickx, Leemans, Van de Velde, Cools, "
    "Verhoeven, Geerts, Wuyts, Van Hoof, Verbruggen, Lenaerts, De Cock, Nijs, Stevens, "
    "Van Looy, Bosmans, Sels, Van Gorp, Verschueren"
)

# House names for care homes, schools, service centres and neighbourhood houses.
PLACE_NAMES = _split(
    "De Linde, Ter Heide, Sint-Jozef, Hof ter Beke, De Regenboog, 't Klavertje, De Meander, "
    "Ter Nethe, De Boomgaard, Den Olm, De Wegwijzer, Het Anker, De Brug, Zonnebloem, "
    "Ter Vaart, De Zandloper, Het Molenhof, De Kastanjelaar"
)

STREETS = _split(
    "Kerkstraat, Stationsstraat, Molenstraat, Schoolstraat, Dorpsstraat, Nieuwstraat, "
    "Kapelstraat, Grote Markt, Markt, Lindenlaan, Kasteelstraat, Veldstraat, Beekstraat, "
    "Hoogstraat, Vaartstraat, Zandstraat, Heidestraat, Pastorijstraat, Gemeenteplein, "
    "Sint-Jozefstraat, Leopoldstraat, Koningin Astridlaan, Kloosterstraat, Netestraat"
)


def ascii_slug(text: str) -> str:
    """Lower-case ASCII for e-mail addresses: 'Ayşe El Idrissi' → 'ayse-el-idrissi'."""
    # The Turkish dotless i has no decomposition: map it by hand before dropping accents.
    text = text.replace("ı", "i")
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    plain = plain.lower().replace("'", "").replace(" ", "-")
    return "".join(ch for ch in plain if ch.isalnum() or ch in "-.")
