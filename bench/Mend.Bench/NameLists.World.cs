namespace Mend.Bench;

/// <summary>
/// South Asian, Middle Eastern, African and East Asian surnames and given names in the Latin spellings British records use,
/// with the elements their surnames are composed of (Yoruba Ade + yemi, Igbo Chukwu + emeka, Tamil Siva + kumar, Persian
/// Hassan + zadeh, Japanese Yama + moto).
/// </summary>
public static partial class NameLists
{
    /// <summary>Indian, Pakistani, Bangladeshi, Sikh, Sri Lankan and Goan surnames of Britain, roughly commonest first.</summary>
    public const string SouthAsian = """
        Mohammed, Uddin, Sharma, Kumar, Hussein, Ahmad, Hassan, Malik, Mistry, Parmar, Rashid, Aslam, Chowdhury, Hoque, Mirza,
        Qureshi, Siddiqui, Chaudhry, Butt, Bashir, Anwar, Javed, Sadiq, Shafiq, Rehman, Riaz, Nawaz, Hanif, Haq, Yousaf, Saeed,
        Arshad, Rafiq, Tariq, Aziz, Karim, Latif, Majid, Hameed, Ishaq, Ilyas, Farooq, Zaman, Sultan, Sheikh, Syed, Raja, Dar,
        Mir, Gupta, Joshi, Mehta, Desai, Modi, Solanki, Chauhan, Lad, Rana, Thakkar, Pandya, Bhatt, Trivedi, Vyas, Dave, Pathak,
        Mehra, Kapoor, Khanna, Chopra, Malhotra, Arora, Bhatia, Sethi, Anand, Verma, Saini, Yadav, Mishra, Tiwari, Pandey,
        Shukla, Srivastava, Agarwal, Jain, Nair, Menon, Pillai, Iyer, Reddy, Rao, Naidu, Krishnan, Subramaniam, Sandhu,
        Dhillon, Sidhu, Bains, Grewal, Johal, Kang, Sahota, Atwal, Bhogal, Bassi, Basra, Chahal, Dhaliwal, Gakhal, Hayer,
        Heer, Jutla, Kalsi, Nijjar, Panesar, Purewal, Rai, Sangha, Sohal, Takhar, Virdi, Bansal, Mittal, Goyal, Singhal,
        Ganguly, Chatterjee, Banerjee, Mukherjee, Bose, Das, Dutta, Ghosh, Sen, Roy, Sarkar, Biswas, Mondal, Hossain, Alam,
        Haque, Kabir, Sarker, Talukder, Mollah, Sikder, Bhuiyan, Khatun, Akter, Nessa, Sultana, Fernando, Perera, de Silva,
        Jayasuriya, Wickramasinghe, Gunawardena, Jayawardena, Senanayake, Bandara, Dissanayake, Ranasinghe, Sivakumar,
        Selvarajah, Thangarajah, Sivanesan, Kanagaratnam, Balasubramaniam, Ratnam, Ramanathan, Sritharan, Yogarajah,
        Navaratnam, Ganeshalingam, Suthakaran, Thurairajah, D'Souza, D'Mello, D'Costa, D'Cruz, Menezes, Pinto, Fernandes
        """;

    /// <summary>Surnames only South Asian women carry (Begum, Bibi and the like); Singh's women's form is Kaur.</summary>
    public const string SouthAsianWomenOnly = "Begum, Bibi, Khatun, Akter, Nessa, Sultana";

    public const string TamilHeads = """
        Siva, Bala, Rama, Thiru, Kanaga, Jeya, Vijaya, Sri, Raja, Ganesa, Mahes, Uma, Kumara, Selva, Nava, Para, Ratna, Yoga,
        Kuga, Loga, Sutha, Thava, Nada, Sathya, Prema, Arul, Mathi, Thanga, Vel, Shan, Kiru, Pathma, Sasi, Ravi
        """;

    public const string TamilTails = """
        kumar, nathan, lingam, rajah, ratnam, chandran, dasan, sekaram, devan, moorthy, karan, thasan, rasa, tharan, ruban,
        palan, nesan, kanthan, seelan, ananthan, singam, kanthy, rupan, varathan
        """;

    public const string SouthAsianMale = """
        Mohammed, Muhammad, Ahmed, Ali, Hassan, Imran, Bilal, Usman, Zain, Ibrahim, Adam, Yusuf, Amir, Arjun, Rohan, Aarav,
        Raj, Sanjay, Vijay, Ravi, Amit, Rahul, Sunil, Anil, Harpreet, Gurpreet, Jaspreet, Manpreet, Harjit, Sukhdev, Kuldip,
        Jasbir, Rakesh, Suresh, Ramesh, Dinesh, Mahesh, Nitin, Abdul, Shahid, Tariq, Asif, Faisal, Kamran, Naveed, Rizwan,
        Shakil, Mizanur, Arif, Omar, Hamza, Ayaan, Vihaan, Dev, Nikhil, Pranav, Sai, Karthik, Suthan, Tharshan, Kajan
    """;

    public const string SouthAsianFemale = """
        Fatima, Ayesha, Aisha, Maryam, Zara, Zainab, Amina, Hafsa, Sana, Noor, Saima, Nadia, Shazia, Rukhsana, Nasreen,
        Shabana, Parveen, Priya, Anjali, Pooja, Neha, Sunita, Geeta, Meena, Asha, Kavita, Simran, Navdeep, Manjit, Rajinder,
        Sukhwinder, Kiran, Divya, Riya, Aanya, Ananya, Shirin, Taslima, Rehana, Nazma, Salma, Farzana, Jesmin, Rumana,
        Harleen, Jasleen, Gurleen, Tanvi, Ishani, Sharmila, Thusyanthi, Nirmala, Kalpana
        """;

    /// <summary>Somali, Sudanese, Eritrean Muslim, Arab and North African surnames, in British records' spellings.</summary>
    public const string Arabic = """
        Mohamed, Mohamud, Abdi, Abdullahi, Farah, Osman, Warsame, Ibrahim, Yusuf, Omar, Nur, Jama, Aden, Hersi, Egal, Dahir,
        Ismail, Abdirahman, Abdulle, Guled, Elmi, Duale, Gure, Samatar, Shire, Awale, Barre, Haji, Noor, Musse, Said,
        Abdillahi, Adan, Artan, Bihi, Bile, Dirie, Diriye, Geedi, Hirsi, Isse, Jibril, Kahin, Mohamoud, Muse, Olow, Qasim,
        Roble, Tahir, Warfa, Yasin, Yonis, Gelle, Hashi, Mahad, Abdalla, Hamid, Mustafa, Mahmoud, Saleh, Hamdan, Haddad,
        Najjar, Khoury, Nassar, Khalil, Jaber, Darwish, Mansour, Suleiman, Othman, Habib, Bakr, Shaker, Kareem, Sabri, Fahmy,
        Hegazy, Mostafa, Abdelrahman, Abdelaziz, Elsayed, Eltayeb, Babiker, Elhassan, Idris, Benali, Benyahia, Bouzid,
        Belkacem, Haddou, Amrani, Alaoui, Benjelloun, Tazi, Idrissi, Saad, Zidane, Hamdi, Aziz, Nasser, Awad, Salem
        """;

    /// <summary>The second halves of Abdul-, Abdi-, Al- and El- names (Abdulrahman, Abdikarim, Al-Hashimi, El-Masry).</summary>
    public const string ArabicAbdulStems = """
        rahman, karim, aziz, latif, hamid, majid, qadir, rahim, wahab, ghani, hakim, jalil, malik, nasser, razaq, salam,
        samad, sattar, wahid, hadi, baqi, basit, fattah, ghafoor, halim, hafiz, jabbar, kader, mannan, quddus, rauf, rashid,
        shakur, wadud, khaliq, matin, mujib
        """;

    public const string ArabicAlStems = """
        Hashimi, Amin, Khatib, Masri, Saadi, Tamimi, Zahrani, Qahtani, Harbi, Shammari, Otaibi, Dosari, Mutairi, Ghamdi, Jaber,
        Sayed, Najjar, Bakr, Rashid, Obaidi, Jubouri, Dulaimi, Baghdadi, Basri, Mousawi, Hakim, Kubaisi, Janabi, Azzawi,
        Shami, Halabi, Hamadi, Yemeni, Sudani, Jazairi, Hussaini, Zubaidi, Ansari, Rifai, Sharif
        """;

    public const string ArabicMale = """
        Mohamed, Ahmed, Abdi, Abdullahi, Hassan, Hussein, Omar, Yusuf, Ismail, Ibrahim, Khalid, Mustafa, Abdirahman, Abdikadir,
        Mahad, Liban, Guled, Faisal, Nasir, Hamza, Idris, Bilal, Karim, Samir, Tariq, Walid, Youssef, Ayman, Kareem, Rami,
        Sami, Ziad, Jamal, Nabil, Adel, Mahmoud, Amr, Tarek
        """;

    public const string ArabicFemale = """
        Fatima, Amina, Hodan, Sahra, Nimco, Ifrah, Hibo, Ayan, Asha, Hawa, Halima, Deqa, Sagal, Khadija, Maryam, Leila, Layla,
        Nour, Rania, Yasmin, Samira, Hana, Salma, Mona, Dina, Huda, Reem, Aya, Sara, Fadumo, Ubah, Warda
        """;

    /// <summary>Iranian, Afghan and Kurdish surnames.</summary>
    public const string Persian = """
        Hosseini, Ahmadi, Mohammadi, Rezaei, Moradi, Karimi, Rahimi, Jafari, Hashemi, Sadeghi, Ghorbani, Kazemi, Rostami,
        Shahbazi, Nouri, Akbari, Hosseinzadeh, Amini, Bahrami, Ebrahimi, Heidari, Ghasemi, Mousavi, Najafi, Sharifi, Soltani,
        Taheri, Yazdani, Zamani, Abbasi, Asadi, Azizi, Farahani, Ghaffari, Habibi, Jalali, Karimian, Khalili, Mahmoudi,
        Mirzaei, Nazari, Rahmani, Safari, Salehi, Shirazi, Tehrani, Esfahani, Tabrizi, Kermani, Alizadeh, Hassanzadeh,
        Rahimpour, Popal, Durrani, Karzai, Ahmadzai, Yousafzai, Popalzai, Barakzai, Noorzai, Stanikzai, Wardak, Safi, Hotak,
        Sadat, Haidari, Mohseni, Barzani, Talabani, Rasul, Hawrami, Kurdi, Zebari, Goran, Hama, Baban, Jaff, Sherwani, Faraj
        """;

    public const string PersianStems = """
        Ahmad, Mohammad, Hassan, Hossein, Karim, Rahim, Jafar, Kazem, Sadegh, Ghorban, Rostam, Shahbaz, Nour, Akbar, Asghar,
        Abbas, Mahmoud, Rahman, Amir, Bahram, Jamshid, Kamal, Mansour, Nasser, Rasoul, Saeed, Taher, Vahid, Yazdan, Ebrahim,
        Esmail, Fazel, Habib, Heydar, Jalal, Khalil, Latif, Majid, Mehr, Nader, Parviz, Ghasem, Ramezan, Safar, Shams, Soltan,
        Zaman, Tabriz, Shiraz, Kerman, Yazd, Kashan, Ghazvin, Hamedan, Golestan, Navab, Farhad, Dariush, Kourosh, Babak
        """;

    public const string PersianEndings = "i, zadeh, pour, ian, nejad, far, vand, lou, abadi, khani, nia, zai, yar, doust";

    public const string PersianMale = """
        Reza, Ali, Hossein, Mehdi, Amir, Dariush, Farhad, Kamran, Omid, Babak, Arash, Saeed, Navid, Behrouz, Hamid, Ahmad,
        Mohammad, Farid, Hamed, Karwan, Rebin, Shivan, Aras, Zana, Dilshad, Ahmadullah, Wahid, Sohrab, Zabihullah, Javid
        """;

    public const string PersianFemale = """
        Maryam, Zahra, Fatemeh, Shirin, Parisa, Leila, Nasrin, Roya, Mina, Sara, Azadeh, Niloufar, Golnaz, Shabnam, Parwin,
        Fereshteh, Mahsa, Taraneh, Nazanin, Hana, Shilan, Jwan, Rezan, Marzieh, Laleh, Soraya, Zainab, Freshta, Mursal, Nargis
        """;

    /// <summary>Nigerian (Yoruba, Igbo, Hausa), Ghanaian, Sierra Leonean, Gambian and Senegalese surnames.</summary>
    public const string WestAfrican = """
        Adeyemi, Okafor, Okonkwo, Nwosu, Eze, Okeke, Obi, Chukwu, Nwachukwu, Okoro, Onyeka, Adebayo, Olawale, Ogunleye,
        Akinola, Adewale, Bello, Abubakar, Musa, Danjuma, Lawal, Balogun, Oyelaran, Afolabi, Ajayi, Oladipo, Ogunbiyi,
        Olaniyan, Oyeleke, Adeleke, Adeniyi, Babatunde, Ogundipe, Oyebanji, Akande, Alabi, Fashola, Okonjo, Uzor, Nnamdi,
        Obiora, Ezeh, Igwe, Ike, Ugwu, Anyanwu, Onwuka, Agu, Mbah, Nwankwo, Chukwuma, Emenike, Mensah, Owusu, Boateng, Asante,
        Osei, Appiah, Agyeman, Amoah, Acheampong, Ofori, Addo, Darko, Antwi, Asamoah, Adjei, Quaye, Tetteh, Annan, Sarpong,
        Kwarteng, Frimpong, Opoku, Bonsu, Ansah, Gyamfi, Ampofo, Baffour, Nkrumah, Danquah, Yeboah, Donkor, Agyei, Kusi,
        Owusu-Ansah, Asiedu, Badu, Kyei, Manu, Obeng, Sarkodie, Larbi, Nyarko, Dadzie, Quarshie, Essien, Kamara, Conteh,
        Sesay, Bangura, Kanu, Koroma, Turay, Jalloh, Bah, Barrie, Diallo, Sow, Ndiaye, Diop, Faye, Cisse, Toure, Traore,
        Keita, Camara, Sylla, Jallow, Ceesay, Touray, Jobe, Njie, Sanneh, Manneh, Jammeh, Darboe, Oyewole, Ogunyemi, Akinwale
        """;

    public const string YorubaHeads = "Ade, Ola, Olu, Oluwa, Ayo, Akin, Ogun, Oye, Ife, Fola, Bola, Kola, Oyin, Ibi, Ebun, Ire, Aji, Ojo, Oni, Ala";

    public const string YorubaTails = """
        yemi, wale, kunle, tunde, bayo, femi, sola, lola, tola, seun, dele, jide, toye, yinka, wunmi, mide, dayo, gbemi, kanmi,
        rinde, laja, leye, nuga, tayo, bisi, bode, nola, sanya, bowale, wole, gbade, niyi, ran, mola, toro, fisayo
    """;

    public const string IgboHeads = "Chukwu, Nwa, Oko, Obi, Eze, Uche, Chi, Ife, Onye, Nna, Ike, Uzo, Ndu, Oke, Ogbu, Anye, Ebere, Ama";

    public const string IgboTails = """
        emeka, chukwu, nkwo, nwa, dike, ora, nna, uba, ji, oma, ebuka, nedu, gozie, kachi, mdi, anyi, zie, eze, ndu, agu, eke,
        nta, lue, kwe, bueze, ije, nwoke, kwu, funa, bundu
        """;

    public const string WestAfricanMale = """
        Chinedu, Emeka, Obinna, Chukwuemeka, Ikenna, Tunde, Babatunde, Olumide, Segun, Femi, Ade, Kwame, Kwabena, Kofi, Kwaku,
        Yaw, Kojo, Kwesi, Samuel, Emmanuel, Daniel, David, Joseph, Godfrey, Oluwaseun, Tobi, Dami, Kayode, Yemi, Ebuka,
        Nnamdi, Uche, Chidi, Ifeanyi, Abdoulaye, Mamadou, Ousmane, Alhaji, Foday, Lamin
        """;

    public const string WestAfricanFemale = """
        Adaeze, Chiamaka, Ngozi, Nneka, Chioma, Amaka, Ifeoma, Folake, Funmilayo, Bukola, Yetunde, Abimbola, Temitope,
        Titilayo, Adwoa, Akosua, Abena, Ama, Efua, Esi, Yaa, Afua, Grace, Blessing, Esther, Precious, Favour, Joy, Mercy,
        Patience, Comfort, Gifty, Fatoumata, Aminata, Mariama, Isatou, Binta, Kadiatu
        """;

    /// <summary>Kenyan, Ugandan, Zimbabwean, Zambian, Malawian, South African, Ethiopian, Eritrean and Congolese surnames.</summary>
    public const string EastSouthernAfrican = """
        Otieno, Ochieng, Odhiambo, Onyango, Omondi, Owino, Okoth, Wanjiru, Kamau, Mwangi, Njoroge, Kariuki, Kiprop, Kiptoo,
        Cheruiyot, Kipchoge, Wafula, Wekesa, Mutua, Musyoka, Kimani, Maina, Njenga, Gitau, Waweru, Ndungu, Wambua, Kilonzo,
        Macharia, Muthoni, Wairimu, Mugisha, Tumusiime, Byaruhanga, Ssempala, Ssali, Nakato, Okello, Opio, Ocen, Namutebi, Kato,
        Mukasa, Moyo, Ncube, Dube, Sibanda, Ndlovu, Mpofu, Nyathi, Chikwanha, Chigumba, Mutasa, Makoni, Chiwenga, Mhlanga,
        Mukwena, Mazivisa, Mapfumo, Chinyama, Musonza, Zvobgo, Chitepo, Marufu, Gumbo, Shumba, Banda, Phiri, Mwale, Tembo,
        Lungu, Mbewe, Chirwa, Nkhoma, Nkosi, Mthembu, Ngcobo, Khumalo, Mokoena, Mahlangu, Sithole, Buthelezi, Shabalala, Molefe,
        Ntuli, Mkhize, Radebe, Mazibuko, Cele, Gumede, Hadebe, Magagula, Tesfaye, Haile, Bekele, Girma, Tadesse, Alemu,
        Getachew, Kebede, Mengistu, Abebe, Woldemariam, Gebremedhin, Tekle, Berhane, Kidane, Yohannes, Ghebreyesus, Habte,
        Mehari, Tesfamariam, Mbala, Kabongo, Mukendi, Ilunga, Tshibangu, Kalonji, Mutombo, Ngoy, Kasongo, Mwamba
        """;

    public const string EastSouthernAfricanMale = """
        Tendai, Tatenda, Tinashe, Farai, Takudzwa, Kudakwashe, Tafadzwa, Brian, Kevin, Dennis, Peter, Joseph, Moses, Isaac,
        Baraka, Sipho, Themba, Thabo, Mandla, Bongani, Dawit, Yonas, Tesfay, Kidane, Jean-Paul, Patrick
        """;

    public const string EastSouthernAfricanFemale = """
        Chipo, Rutendo, Nyasha, Ruvimbo, Tariro, Vimbai, Rudo, Wanjiru, Akinyi, Achieng, Wambui, Nomvula, Thandiwe, Zanele,
        Lerato, Naledi, Nokuthula, Senait, Selam, Helen, Mebrat, Tigist, Grace, Esther, Divine
        """;

    /// <summary>Chinese surnames in pinyin (commonest first), then Cantonese and Hokkien romanisations from Hong Kong and Malaysia.</summary>
    public const string Chinese = """
        Wang, Li, Zhang, Liu, Chen, Yang, Huang, Zhao, Wu, Zhou, Xu, Sun, Ma, Zhu, Hu, Guo, He, Lin, Luo, Gao, Zheng, Liang,
        Xie, Song, Tang, Han, Feng, Deng, Cao, Peng, Zeng, Xiao, Tian, Dong, Pan, Yuan, Cai, Jiang, Yu, Du, Ye, Cheng, Wei, Su,
        Lü, Ding, Ren, Lu, Yao, Shen, Zhong, Cui, Tan, Fan, Liao, Shi, Jin, Jia, Xia, Fu, Fang, Zou, Xiong, Bai, Meng, Qin, Qiu,
        Hou, Yin, Xue, Yan, Duan, Lei, Long, Tao, Mao, Hao, Gu, Gong, Shao, Wan, Qian, Dai, Mo, Kong, Xiang, Chang, Kang, Yi,
        Qiao, Lai, Wen, Ouyang, Sima, Zhuge, Situ, Shangguan, Chan, Wong, Cheung, Lau, Leung, Ng, Ho, Tse, Yip, Kwok, Fung,
        Lam, Chow, Tsang, Mak, Yeung, Hui, Choi, Siu, Lo, Poon, Tam, Tsui, Kwan, Man, Chu, Au, Yau, Yuen, Szeto, Lok, Chung,
        Chiu, Fong, Ko, Kwong, Mok, So, Tong, Woo, Ling, Lim, Teo, Goh, Ong, Koh, Chua, Low, Yeo, Sim, Toh, Quek, Heng, Seah,
        Khoo, Ang, Chong, Foo, Loh, Neo, Pang, Soh, Tay, Tey, Wee, Yap, Yong, Chia
        """;

    public const string ChineseMale = "Wei, Jie, Hao, Jun, Lei, Tao, Ming, Yang, Hui, Bin, Qiang, Jian, Feng, Long, Yu, Kai, Zhiwei, Jianguo, Haoran, Yichen, Zihan, Junjie, Ho Yin, Ka Wai, Chun Kit, Wing Hong, Kin Man, Wai Keung";

    public const string ChineseFemale = "Li, Fang, Na, Min, Jing, Ying, Yan, Xiu, Mei, Lan, Ling, Xin, Yue, Xiaomei, Lijuan, Yuxin, Zixuan, Wing Yan, Mei Ling, Ka Man, Siu Wai, Hoi Yan, Pui Shan, Suet Ying";

    /// <summary>Japan's common surnames, and the elements they are made of (Yama + moto, Naka + mura).</summary>
    public const string Japanese = """
        Sato, Suzuki, Takahashi, Tanaka, Watanabe, Ito, Yamamoto, Nakamura, Kobayashi, Kato, Yoshida, Yamada, Sasaki, Yamaguchi,
        Matsumoto, Inoue, Kimura, Hayashi, Shimizu, Yamazaki, Mori, Abe, Ikeda, Hashimoto, Yamashita, Ishikawa, Nakajima, Maeda,
        Fujita, Ogawa, Goto, Okada, Hasegawa, Murakami, Kondo, Ishii, Saito, Sakamoto, Endo, Aoki, Fujii, Nishimura, Fukuda,
        Ota, Miura, Fujiwara, Okamoto, Matsuda, Nakagawa, Nakano, Harada, Ono, Tamura, Takeuchi, Kaneko, Wada, Nakayama, Ishida,
        Ueda, Morita, Hara, Shibata, Sakai, Kudo, Yokoyama, Miyazaki, Miyamoto, Uchida, Takagi, Ando, Taniguchi, Ohno,
        Maruyama, Imai, Takada, Fujimoto, Takeda, Murata, Ueno, Sugiyama, Masuda, Sugawara, Hirano, Kojima, Otsuka, Chiba, Kubo,
        Matsui, Iwasaki, Sakurai, Kinoshita, Noguchi, Matsuo, Nomura, Kikuchi, Sano, Onishi, Sugimoto, Arai
        """;

    public const string JapaneseHeads = """
        Yama, Naka, Matsu, Ta, Ishi, Kawa, Fuji, Hara, Mori, Ki, Taka, Oka, Kuro, Shira, Kita, Minami, Nishi, Higashi, Hira,
        Iwa, Ike, Kami, Shimo, Ko, O, Uchi, Hoshi, Sugi, Sakura, Take, Tsuru, Miya, Ao, Kane, Kiku, Kura, Mizu, Hashi, Hayashi,
        Yoshi, Nomura, Ume, Tsuchi, Asa, Hori, Sawa, Maru
        """;

    public const string JapaneseTails = """
        moto, mura, da, ta, kawa, gawa, yama, naka, no, saki, zaki, shita, hara, uchi, oka, mori, ishi, hashi, bashi, sawa,
        zawa, i, be, tani, ya, hata, kubo, shima, jima, ue, guchi, ike, sugi, kura, yanagi, ura, matsu, take
        """;

    public const string JapaneseMale = "Hiroshi, Takashi, Kenji, Yuki, Haruto, Sota, Ren, Daiki, Kenta, Takumi, Shota, Kazuki, Ryo, Makoto, Satoshi, Yusuke";

    public const string JapaneseFemale = "Yuki, Aiko, Haruka, Sakura, Yui, Mei, Hina, Akari, Yoko, Keiko, Naomi, Emi, Mika, Ayaka, Misaki, Rina";

    public const string Korean = """
        Kim, Lee, Park, Choi, Jung, Kang, Cho, Yoon, Jang, Lim, Han, Oh, Seo, Shin, Kwon, Hwang, Ahn, Song, Yoo, Hong, Jeon,
        Ko, Moon, Yang, Son, Bae, Baek, Heo, Nam, Shim, Noh, Ha, Kwak, Sung, Cha, Joo, Woo, Koo, Min, Ryu, Na, Jin, Ji, Um,
        Chae, Won, Chun, Bang, Gong, Hyun, Ham, Byun, Yeom, Yeo, Choo
        """;

    public const string KoreanMale = "Min-jun, Seo-jun, Ji-ho, Jae-won, Hyun-woo, Dong-hyun, Sung-min, Joon-young, Tae-yang, Jin-woo";

    public const string KoreanFemale = "Seo-yeon, Ji-woo, Min-seo, Ha-eun, Ji-yeon, Soo-jin, Eun-ji, Hye-jin, Yoo-na, Ji-hye";

    /// <summary>Vietnamese surnames with their diacritics (Nguyễn is kept as written; search folds it to nguyen).</summary>
    public const string Vietnamese = """
        Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Võ, Đặng, Bùi, Đỗ, Hồ, Ngô, Dương, Lý, Đinh, Lâm, Mai, Trương, Đào,
        Cao, Tạ, Quách, Lương, Tô, Châu, Thái, Kiều, Từ, La, Khúc, Vương, Trịnh, Tăng, Hà, Văn
        """;

    /// <summary>Filipino surnames: mostly Spanish-derived, some Tagalog, with their particles (Dela Cruz, De Guzman).</summary>
    public const string Filipino = """
        Santos, Reyes, Cruz, Bautista, Ocampo, Garcia, Mendoza, Torres, Tomas, Andrada, Castillo, Flores, Villanueva, Ramos,
        Castro, Rivera, Aquino, Navarro, Salazar, Mercado, De Leon, Dela Cruz, De Guzman, Del Rosario, Delos Santos,
        De los Reyes, Gonzales, Lopez, Hernandez, Perez, Manalo, Dizon, Pascual, Aguilar, Soriano, Valdez, Sy, Go, Magbanua,
        Macaraeg, Dimaculangan, Dimaano, Macapagal, Manalastas, Pangilinan, Panganiban, Mangubat, Lacson, Cayabyab,
        Tolentino, Bernardo, Agustin, Marquez, Fernandez, Gutierrez, Domingo, Sarmiento, Javier, Legaspi, Velasco, Samonte,
        Sison, Tiongson, Villareal, Bacani, Cabrera, Enriquez, Gatchalian, Guevarra, Ilagan, Lacsamana, Laurel, Mabini,
        Malabanan, Mallari, Manansala, Manuel, Quiambao, Ronquillo, Salonga, Sotto, Umali, Vergara, Zamora
        """;

    public const string FilipinoMale = "Jose, Juan, Mark, John Paul, Rodel, Jun, Ramon, Eduardo, Rolando, Ronaldo, Arnel, Jomar, Christian, Jericho, Marvin, Reynaldo";

    public const string FilipinoFemale = "Maria, Marites, Jocelyn, Rowena, Maricel, Lorna, Gemma, Marilou, Charmaine, Mary Grace, Kristine, Jennylyn, Rosalie, Analyn, Lovely, Princess";

    /// <summary>Nepali surnames (Britain's Gurkha families among them).</summary>
    public const string Nepali = """
        Gurung, Rai, Limbu, Tamang, Thapa, Magar, Shrestha, Sherpa, Pun, Ghale, Chhetri, Adhikari, Basnet, Bhandari, Karki,
        Khadka, Poudel, Subba, Lama, Ale, Rana, Thakuri, Bhattarai, Dahal, Gautam, Ghimire, Koirala, Neupane, Pokharel, Regmi,
        Sapkota, Timsina, Upadhyay, Maharjan, Shakya, Tuladhar, Bajracharya, Dangol, Pradhan, Malla
        """;

    public const string NepaliMale = "Ram, Hari, Krishna, Bishnu, Dil, Bhim, Padam, Prem, Gopal, Suman, Sunil, Bikash, Rajesh, Santosh, Dhan, Tek";

    public const string NepaliFemale = "Sita, Gita, Laxmi, Sarita, Sunita, Kamala, Maya, Anita, Puja, Rina, Pabitra, Sabina, Manisha, Bimala, Durga, Sushma";
}
