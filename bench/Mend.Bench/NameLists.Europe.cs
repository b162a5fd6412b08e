namespace Mend.Bench;

/// <summary>European surnames and given names beyond Bogus's lists, with the endings their surnames are built with.</summary>
public static partial class NameLists
{
    /// <summary>Poland's commonest surnames, commonest first (men's forms).</summary>
    public const string Polish = """
        Nowak, Kowalski, Wiśniewski, Wójcik, Kowalczyk, Kamiński, Lewandowski, Zieliński, Szymański, Woźniak, Dąbrowski,
        Kozłowski, Jankowski, Mazur, Wojciechowski, Kwiatkowski, Krawczyk, Kaczmarek, Piotrowski, Grabowski, Zając, Pawłowski,
        Michalski, Król, Wieczorek, Jabłoński, Wróbel, Nowakowski, Majewski, Olszewski, Stępień, Malinowski, Jaworski,
        Adamczyk, Dudek, Nowicki, Pawlak, Górski, Witkowski, Walczak, Sikora, Baran, Rutkowski, Michalak, Szewczyk, Ostrowski,
        Tomaszewski, Pietrzak, Zalewski, Wróblewski, Marciniak, Jasiński, Zawadzki, Bąk, Jakubowski, Sadowski, Duda, Włodarczyk,
        Wilk, Chmielewski, Borkowski, Sokołowski, Szczepański, Sawicki, Lis, Kucharski, Kalinowski, Wysocki, Mazurek, Kubiak,
        Maciejewski, Czarnecki, Kołodziej, Urbański, Kaźmierczak, Sobczak, Konieczny, Głowacki, Zakrzewski, Krupa, Wasilewski
        """;

    /// <summary>The endings Polish surnames are built with, for joining to stems taken from real names.</summary>
    public const string PolishEndings = "owski, ewski, iński, ak, iak, czak, czyk, ek, owicz, ewicz, ik, ała, asz, uś";

    public const string PolishMale = """
        Jan, Piotr, Krzysztof, Andrzej, Tomasz, Paweł, Marcin, Michał, Marek, Grzegorz, Józef, Łukasz, Adam, Zbigniew, Jerzy,
        Tadeusz, Mateusz, Dariusz, Mariusz, Wojciech, Ryszard, Jakub, Henryk, Robert, Kazimierz, Jacek, Maciej, Kamil, Janusz,
        Mirosław, Jarosław, Sławomir, Szymon, Bartosz, Dawid, Kacper, Filip, Wiktor, Oskar, Antoni, Igor, Przemysław, Radosław
        """;

    public const string PolishFemale = """
        Anna, Maria, Katarzyna, Małgorzata, Agnieszka, Barbara, Ewa, Krystyna, Elżbieta, Magdalena, Joanna, Zofia, Monika,
        Teresa, Danuta, Natalia, Karolina, Marta, Beata, Dorota, Aleksandra, Halina, Jadwiga, Julia, Irena, Grażyna, Paulina,
        Justyna, Iwona, Bożena, Zuzanna, Wiktoria, Oliwia, Maja, Lena, Hanna, Kinga, Weronika, Patrycja, Agata
        """;

    /// <summary>Hungary's commonest surnames.</summary>
    public const string Hungarian = """
        Nagy, Kovács, Tóth, Szabó, Horváth, Varga, Kiss, Molnár, Németh, Farkas, Balogh, Papp, Takács, Juhász, Lakatos,
        Mészáros, Oláh, Simon, Rácz, Fekete, Szilágyi, Török, Fehér, Balázs, Gál, Kis, Szűcs, Kocsis, Orsós, Pintér, Fodor,
        Szalai, Sipos, Magyar, Lukács, Gulyás, Biró, Király, László, Katona, Jakab, Bogdán, Balog, Sándor, Boros, Fazekas,
        Kelemen, Antal, Orosz, Somogyi, Fülöp, Veres, Budai, Vincze, Hegedűs, Deák, Pap, Bálint, Illés, Pál, Vass, Szőke,
        Fábián, Vörös, Lengyel, Bognár, Jónás, Hajdu, Halász, Máté, Székely, Gáspár, Kozma, Pásztor, Bakos, Dudás, Major,
        Orbán, Virág, Barna, Soós, Tamás, Nemes, Pataki, Balla, Vida, Kun, Vadász, Boda, Csonka, Erdős, Gyurkó,
        Hegyi, Kardos, Kertész, Kőszegi, Medve, Mohácsi, Ökrös, Rigó, Sárközi, Szekeres, Tímár, Ujvári, Zsigmond
        """;

    public const string HungarianMale = "László, István, József, János, Zoltán, Sándor, Gábor, Ferenc, Attila, Péter, Tamás, Zsolt, Tibor, András, Csaba, Imre, Lajos, György, Balázs, Bence, Máté, Levente, Dániel, Ádám";

    public const string HungarianFemale = "Mária, Erzsébet, Katalin, Éva, Ilona, Anna, Zsuzsanna, Margit, Judit, Ágnes, Andrea, Erika, Krisztina, Eszter, Tímea, Réka, Zsófia, Hanna, Lilla, Dóra, Boglárka, Nóra";

    /// <summary>Serbian, Bosnian and Albanian surnames, to go with Bogus's long Croatian list.</summary>
    public const string Balkan = """
        Jovanović, Petrović, Nikolić, Marković, Đorđević, Stojanović, Ilić, Stanković, Pavlović, Milošević, Popović, Živković,
        Todorović, Ristić, Kostić, Lazić, Mitrović, Savić, Obradović, Hodžić, Hadžić, Begić, Delić, Mehmedović, Salihović,
        Husić, Ahmetović, Hasanović, Mujić, Čolić, Hoxha, Shehu, Gashi, Krasniqi, Berisha, Morina, Kelmendi, Hoxhaj, Rama,
        Leka, Dervishi, Prifti, Kola, Shala, Bytyqi, Musliu, Zeka, Hasani, Rexhepi, Osmani, Ademi, Selimi, Ismaili, Thaçi,
        Kastrati, Hysa, Çela, Dushku, Marku, Gjoka, Bajrami, Sejdiu, Halili, Lika
        """;

    public const string BalkanMale = "Luka, Marko, Ivan, Petar, Nikola, Filip, Josip, Stefan, Milan, Dragan, Zoran, Goran, Emir, Amar, Adnan, Edin, Arben, Besnik, Driton, Agron, Ardit, Endrit, Fatmir, Ilir";

    public const string BalkanFemale = "Ana, Marija, Ivana, Jelena, Milica, Sara, Maja, Petra, Mirjana, Snežana, Amra, Lejla, Emina, Selma, Aida, Arta, Blerta, Drita, Elira, Fjolla, Jeta, Besa, Mimoza, Valbona";

    /// <summary>Romania's and Moldova's common surnames, with their diacritics.</summary>
    public const string Romanian = """
        Popescu, Ionescu, Popa, Pop, Radu, Dumitru, Stan, Stoica, Gheorghe, Matei, Ciobanu, Munteanu, Constantin, Rusu, Mihai,
        Ene, Lungu, Marin, Tudor, Ștefan, Florea, Dinu, Ilie, Moldovan, Georgescu, Barbu, Cristea, Toma, Dumitrescu, Nistor,
        Oprea, Lazăr, Diaconu, Dobre, Ursu, Roman, Andrei, Sandu, Zamfir, Mocanu, Dragomir, Mitrea, Niculescu, Neagu, Coman,
        Sârbu, Anghel, Vasile, Cojocaru, Rădulescu, Marinescu, Constantinescu, Stănescu, Manea, Preda, Avram, Grigore, Tănase,
        Voicu, Văduva, Iordache, Bălan, Nedelcu, Crăciun, Chiriac, Enache, Bogdan, Mihăilă, Pavel, Gavrilă, Sima, Vlad, Ghiță,
        Muntean, Olteanu, Lupu, Iancu, Petrescu, Vasilescu, Stoian, Bucur, Cazacu, Ardeleanu, Roșu, Negru, Albu, Țurcanu,
        Rotaru, Botnaru, Ceban, Rusnac, Moraru, Bejan, Lupașcu, Grosu, Cebotari
        """;

    /// <summary>Stems that take -escu (from given names: Ion → Ionescu) and -eanu (from places: Munte → Munteanu).</summary>
    public const string RomanianEscuStems = """
        Ion, George, Constantin, Dumitr, Stăn, Marin, Răduc, Vasil, Petr, Tudor, Mihăil, Nicol, Stoian, Grigor, Andrei, Ili,
        Iord, Lazăr, Manol, Mate, Pavel, Predesc, Sav, Simion, Ștef, Tănăs, Tom, Vlăd, Zamfir, Dobr, Drăg, Cost, Negr, Alb,
        Barb, Crist, Dinc, Gheorgh, Mitr, Nedel, Ciobăn, Florin, Gavril, Iacob, Luc, Mircea, Neagu, Paraschiv, Sorin, Val
        """;

    public const string RomanianEanuStems = """
        Munt, Moldov, Olt, Ardel, Lup, Băl, Dobrog, Zăvoi, Brăil, Ploieșt, Argeș, Buzoi, Codr, Cîmp, Deal, Luncă, Prahov,
        Vâlc, Gorj, Teleorm, Ialomiț, Mehedinț, Sibi, Dunăr, Vălen, Bârl
        """;

    public const string RomanianMale = "Andrei, Alexandru, Ion, Gheorghe, Mihai, Constantin, Vasile, Ionuț, Florin, Marius, Adrian, Cristian, Daniel, Gabriel, Bogdan, Ștefan, Nicolae, Dumitru, Sorin, Cătălin, Răzvan, Vlad";

    public const string RomanianFemale = "Maria, Elena, Ioana, Andreea, Ana, Mihaela, Cristina, Gabriela, Alexandra, Daniela, Nicoleta, Florentina, Georgiana, Roxana, Alina, Denisa, Raluca, Ionela, Larisa, Bianca, Simona, Camelia";

    /// <summary>Bulgaria's common surnames (men's forms; women's take -a).</summary>
    public const string Bulgarian = """
        Ivanov, Georgiev, Dimitrov, Petrov, Nikolov, Hristov, Stoyanov, Todorov, Iliev, Vasilev, Atanasov, Petkov, Angelov,
        Kolev, Yordanov, Markov, Popov, Stefanov, Mihaylov, Kostov, Dimov, Marinov, Pavlov, Kirilov, Stanchev, Tsvetkov,
        Krastev, Genov, Dobrev, Mladenov, Slavov, Yankov, Zhelev, Radev, Borisov, Nedelchev, Tonchev, Lazarov, Valchev, Tanev,
        Bonev, Penev, Rusev, Minchev, Dinev, Simeonov, Gospodinov, Aleksandrov, Ganchev, Kamenov, Milev, Nenov, Tsonev, Velichkov,
        Vulkov, Zahariev
        """;

    /// <summary>Given-name stems that take Slavonic -ov, -ev, -in (Ivan → Ivanov).</summary>
    public const string SlavonicStems = """
        Ivan, Georgi, Dimitr, Petr, Nikol, Hrist, Stoyan, Todor, Ili, Vasil, Atanas, Petk, Angel, Kol, Yordan, Mark, Pop, Stefan,
        Mihayl, Kost, Dim, Marin, Pavl, Kiril, Stanch, Tsvetk, Krast, Gen, Dobr, Mladen, Slav, Yank, Zhel, Rad, Boris, Nedelch,
        Lazar, Valch, Tan, Bon, Pen, Rus, Minch, Din, Simeon, Gospodin, Aleksandr, Ganch, Kamen, Mil, Nen, Tson, Velichk, Vulk,
        Zahari, Bogdan, Sokol, Volk, Orl, Kuznets, Smirn, Lebed, Moroz, Kozl, Medved, Zayts, Belous, Gorb, Grach, Sorok, Solov,
        Vorob, Golub, Baran, Kotl, Rybak, Bel, Chern, Zhuk, Orekh, Gusl, Kapust, Nosk, Sitnik, Fedot, Yerem, Kuzm, Trofim, Gavril
        """;

    public const string BulgarianMale = "Georgi, Ivan, Dimitar, Nikolay, Petar, Hristo, Stoyan, Todor, Aleksandar, Martin, Stefan, Yordan, Krasimir, Plamen, Vasil, Kaloyan, Boris, Atanas";

    public const string BulgarianFemale = "Maria, Ivanka, Elena, Yordanka, Petya, Desislava, Gergana, Tsvetelina, Nadezhda, Radka, Viktoria, Teodora, Nikol, Siyana, Vesela, Stefka, Milena, Boryana";

    /// <summary>Lithuania's common surnames (men's forms; married women's end -ienė).</summary>
    public const string Lithuanian = """
        Kazlauskas, Jankauskas, Petrauskas, Stankevičius, Vasiliauskas, Žukauskas, Butkus, Paulauskas, Urbonas, Kavaliauskas,
        Baranauskas, Pocius, Navickas, Rimkus, Sakalauskas, Lukoševičius, Žilinskas, Adomaitis, Šimkus, Mockus, Ramanauskas,
        Savickas, Vitkus, Kairys, Jonaitis, Petraitis, Balčiūnas, Mažeika, Vaitkus, Jakubauskas, Juška, Bernotas, Stonkus,
        Gudaitis, Kučinskas, Norkus, Šukys, Valaitis, Sabaliauskas, Bagdonas, Grigas, Ivanauskas, Tamošiūnas, Lukauskas,
        Marcinkevičius, Misiūnas, Budrys, Daukantas, Kasparavičius, Žemaitis, Kaminskas, Venckus, Kuzminskas, Tamulis
        """;

    /// <summary>Endings Lithuanian surnames are built with.</summary>
    public const string LithuanianEndings = "auskas, evičius, aitis, onis, ūnas, as, is, ys, ėnas, ulis, avičius, iūnas, elis, inskas";

    public const string LithuanianMale = "Jonas, Petras, Antanas, Tomas, Mantas, Darius, Andrius, Vytautas, Algirdas, Lukas, Matas, Dovydas, Karolis, Rokas, Gediminas, Paulius, Mindaugas, Saulius";

    public const string LithuanianFemale = "Ona, Jūratė, Rasa, Kristina, Laura, Ieva, Agnė, Rūta, Greta, Gabija, Austėja, Emilija, Lina, Inga, Aušra, Daiva, Asta, Vilma";

    /// <summary>Greek Cypriot and Greek surnames as British records spell them (Cypriot forms in -ou are the same for women).</summary>
    public const string Greek = """
        Georgiou, Christodoulou, Constantinou, Ioannou, Charalambous, Panayiotou, Demetriou, Michael, Nicolaou, Antoniou,
        Andreou, Savva, Kyriacou, Theodorou, Christou, Hadjidemetriou, Papadopoulos, Pavlou, Neophytou, Stavrou, Petrou,
        Philippou, Economou, Evangelou, Hadjipavlou, Kyprianou, Loizou, Louca, Markou, Mavrou, Nicolaides, Onoufriou,
        Papageorgiou, Pantelides, Sotiriou, Stylianou, Vassiliou, Xenophontos, Zachariou, Papadakis, Nikolaidis, Karagiannis,
        Vlachos, Oikonomou, Makris, Dimitriou, Alexiou, Athanasiou, Mylonas, Triantafyllou
        """;

    /// <summary>Endings Greek surnames are built with (Papa + d + opoulos; Niko + laidis).</summary>
    public const string GreekEndings = "opoulos, idis, akis, iou, atos, elis, oglou, ellis, ides";

    public const string GreekMale = "Georgios, Andreas, Christos, Constantinos, Nikolaos, Michalis, Panayiotis, Demetris, Yiannis, Kyriacos, Stelios, Savvas, Costas, Marios, Petros, Loizos, Sotiris, Charalambos";

    public const string GreekFemale = "Maria, Eleni, Andrea, Georgia, Christina, Katerina, Anna, Despina, Androulla, Panayiota, Sophia, Stella, Chrystalla, Elena, Niki, Anastasia, Eftychia, Stavroulla";

    /// <summary>Turkey's and Northern Cyprus's common surnames, and the Turkish words they are made of (Kara + kaya).</summary>
    public const string Turkish = """
        Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Yıldırım, Öztürk, Aydın, Özdemir, Arslan, Doğan, Kılıç, Aslan, Çetin, Kara,
        Koç, Kurt, Özkan, Şimşek, Polat, Özcan, Korkmaz, Çakır, Erdoğan, Yavuz, Can, Acar, Şen, Aktaş, Güler, Yalçın, Güneş,
        Bozkurt, Bulut, Keskin, Ünal, Turan, Gül, Özer, Işık, Kaplan, Avcı, Sarı, Tekin, Taş, Köse, Yüksel, Ateş, Aksoy,
        Mehmet, Hüseyin, Hasan, Mustafa, İbrahim, Ahmet, Osman, Halil, Ramadan, Kemal, Dervish, Suleyman, Ozturk, Yusuf
        """;

    public const string TurkishFirstParts = """
        Kara, Ak, Demir, Öz, Er, Yıl, Kaya, Taş, Gül, Gök, Ay, Su, Tuna, Bal, Çelik, Kılıç, Şahin, Doğan, Arslan, Yurt, Ata,
        Bay, Can, Deniz, Ekin, Güneş, Kurt, Koç, Polat, Tekin, Uz, Yavuz, Yücel, Alp, Bozkurt, Çam, Dağ, Gür, Kar, Kır, Sarı,
        Tok, Uçar, Yaz, Ilgaz, Oğuz, Orhan, Tan, Toprak, Akın, Aydın
        """;

    public const string TurkishSecondParts = """
        kaya, taş, demir, türk, doğan, han, oğlu, soy, can, er, gül, dağ, alp, kan, bey, öz, yol, el, ay, göz, yıldız, çelik,
        aslan, kurt, koç, tekin, baş, yiğit, tepe, su, ova, gün, ok, men, ar
        """;

    /// <summary>Portuguese and Madeiran surnames, with and without their particles (de Freitas, da Silva, dos Santos).</summary>
    public const string Portuguese = """
        Silva, Santos, Ferreira, Pereira, Oliveira, Costa, Rodrigues, Martins, Jesus, Sousa, Fernandes, Gonçalves, Gomes, Lopes,
        Marques, Alves, Almeida, Ribeiro, Pinto, Carvalho, Teixeira, Moreira, Correia, Mendes, Nunes, Soares, Vieira, Monteiro,
        Cardoso, Rocha, Raposo, Neves, Coelho, Cruz, Cunha, Pires, Ramos, Reis, Simões, Antunes, Matos, Fonseca, Machado,
        Araújo, Barbosa, Tavares, Lourenço, Castro, Figueiredo, Azevedo, Freitas, Andrade, Abreu, Camacho, Jardim, Nóbrega,
        Pestana, Gouveia, Spínola, Caires, Mendonça, Aguiar, Ornelas, Câmara, Drumond, Figueira, Faria, Quintal, Rebolo,
        Vasconcelos, Sardinha, Velosa, Serrão, Dória, Brazão, Baptista, Henriques, Teles, Bettencourt, Carreira, Barreto,
        Passos, Sequeira, Brito, Valente, Amaral, Leite, Magalhães, Mota, Esteves, Campos, Borges, Sá, Paiva, Pacheco,
        Loureiro, Medeiros, Macedo, Vaz, Dias, Miranda, de Freitas, da Silva, dos Santos, de Sousa, de Jesus, da Costa,
        de Abreu, de Gouveia, da Câmara, de Ornelas, dos Reis, de Andrade, da Cruz, das Neves, do Carmo, do Nascimento, da Luz,
        de Nóbrega, de Faria, da Rocha, de Aguiar, de Castro, de Oliveira, dos Ramos
        """;

    /// <summary>Spain's commonest surnames, commonest first; Spanish speakers carry two (García López).</summary>
    public const string Spanish = """
        García, Rodríguez, González, Fernández, López, Martínez, Sánchez, Pérez, Gómez, Martín, Jiménez, Ruiz, Hernández, Díaz,
        Moreno, Muñoz, Álvarez, Romero, Alonso, Gutiérrez, Navarro, Torres, Domínguez, Vázquez, Ramos, Gil, Ramírez, Serrano,
        Blanco, Molina, Morales, Suárez, Ortega, Delgado, Castro, Ortiz, Rubio, Marín, Sanz, Núñez, Iglesias, Medina, Garrido,
        Cortés, Castillo, Santos, Lozano, Guerrero, Cano, Prieto, Méndez, Cruz, Calvo, Gallego, Vidal, León, Márquez, Herrera,
        Peña, Flores, Cabrera, Campos, Vega, Fuentes, Carrasco, Diez, Caballero, Reyes, Nieto, Aguilar, Pascual, Santana,
        Herrero, Lorenzo, Montero, Hidalgo, Giménez, Ibáñez, Ferrer, Durán, Santiago, Benítez, Mora, Vicente, Vargas, Arias,
        Carmona, Crespo, Román, Pastor, Soto, Sáez, Velasco, Moya, Soler, Parra, Esteban, Bravo, Gallardo, Rojas
        """;

    public const string SpanishMale = "Antonio, José, Manuel, Francisco, David, Juan, Javier, Daniel, Carlos, Jesús, Alejandro, Miguel, Rafael, Pablo, Sergio, Pedro, Fernando, Jorge, Luis, Alberto, Hugo, Mateo, Diego, Santiago";

    public const string SpanishFemale = "María, Carmen, Ana, Isabel, Laura, Cristina, Marta, Lucía, Francisca, Dolores, Paula, Elena, Sara, Raquel, Rosa, Pilar, Sofía, Valentina, Camila, Martina, Alba, Julia, Daniela, Gabriela";

    /// <summary>France's commonest surnames, commonest first.</summary>
    public const string French = """
        Martin, Bernard, Dubois, Thomas, Robert, Richard, Petit, Durand, Leroy, Moreau, Simon, Laurent, Lefebvre, Michel,
        Garcia, David, Bertrand, Roux, Vincent, Fournier, Morel, Girard, André, Lefèvre, Mercier, Dupont, Lambert, Bonnet,
        François, Martinez, Legrand, Garnier, Faure, Rousseau, Blanc, Guérin, Muller, Henry, Roussel, Nicolas, Perrin, Morin,
        Mathieu, Clément, Gauthier, Dumont, Lopez, Fontaine, Chevalier, Robin, Masson, Sanchez, Gérard, Nguyen, Boyer, Denis,
        Lemaire, Duval, Joly, Gautier, Roger, Roche, Roy, Noël, Meyer, Lucas, Meunier, Jean, Perez, Marchand, Dufour,
        Blanchard, Marie, Barbier, Brun, Dumas, Brunet, Schmitt, Leroux, Colin, Fernandez, Pierre, Renard, Arnaud, Rolland,
        Caron, Aubert, Giraud, Leclerc, Vidal, Bourgeois, Renaud, Lemoine, Picard, Gaillard, Philippe, Leclercq, Lacroix,
        Fabre, Dupuis, Olivier, Hubert, Louis, Charles, Guillot, Rivière, Le Gall, Guillaume, Adam, Rey, Moulin, Berger,
        Lecomte, Ménard, Fleury, Deschamps, Carpentier, Julien, Benoît, Paris, Maillard, Marchal, Aubry, Vasseur, Le Roux,
        Renault, Jacquet, Collet, Prévost, Poirier, Charpentier, Royer, Huet, Baron, Dupuy, Pons, Laine, Carré, Rémy,
        Schneider, Perrot, Guyot, Barré, Marty, Cousin
        """;

    /// <summary>The Netherlands' and Flanders' common surnames, with their particles.</summary>
    public const string Dutch = """
        de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Janssen, Visser, Smit, Meijer, de Boer, Mulder, de Groot,
        Bos, Vos, Peters, Hendriks, van Leeuwen, Dekker, Brouwer, de Wit, Dijkstra, Smits, de Graaf, van der Meer, van der Linden,
        Kok, Jacobs, de Haan, Vermeulen, van den Heuvel, van der Veen, van den Broek, de Bruijn, van der Heijden, Schouten,
        van Beek, Willems, van Vliet, van de Ven, Hoekstra, Maas, Verhoeven, Koster, van Dam, van der Wal, Prins, Blom,
        Huisman, Peeters, Maes, Claes, Goossens, Wouters, De Smet, Mertens, Dubois, Lambrechts, Vandenberghe, Van Damme
        """;
}
