package demo

// Names and places the demo draws from: common in Banten, none a real person.
var (
	maleNames = []string{
		"Ahmad", "Asep", "Agus", "Bambang", "Budi", "Cecep", "Dadang", "Dedi", "Deden", "Eko", "Endang", "Hasan",
		"Hendra", "Heri", "Imron", "Iwan", "Jaenudin", "Joko", "Komarudin", "Lukman", "Maman", "Mukhlis", "Mulyadi",
		"Nana", "Nurdin", "Odih", "Rahmat", "Rohmat", "Rudi", "Saepul", "Sarip", "Slamet", "Sobari", "Suhendi",
		"Sutisna", "Tatang", "Ujang", "Wawan", "Yayan", "Yusuf", "Zainal", "Arif", "Fajar", "Ikhsan", "Ridwan",
		"Samsudin", "Jajang", "Enjang", "Mamat", "Ade", "Aan", "Andi", "Bahrudin", "Darman", "Edi", "Firman",
	}
	femaleNames = []string{
		"Siti", "Rina", "Dewi", "Sri", "Nur", "Ani", "Yuli", "Eti", "Iis", "Euis", "Neng", "Tini", "Wati",
		"Lilis", "Nining", "Rohayati", "Maesaroh", "Halimah", "Khodijah", "Fatimah", "Aminah", "Suryani", "Yati",
		"Nurhasanah", "Komariah", "Juhaeni", "Ratna", "Eneng", "Ika", "Leni", "Mimin", "Nia", "Omah", "Popon",
		"Rosita", "Sumiati", "Tati", "Umi", "Yanti", "Zubaedah", "Hayati", "Masitoh",
	}
	maleSurnames = []string{
		"Hidayat", "Saputra", "Setiawan", "Suryana", "Rahman", "Hasanudin", "Kurniawan", "Wijaya", "Pratama",
		"Firmansyah", "Maulana", "Hermawan", "Nugraha", "Ramdani", "Syafei", "Sanusi", "Jamhari", "Mulyana",
		"Sudrajat", "Permana", "Supriatna", "Gunawan", "Hakim", "Sukmana", "Kusnadi", "Rosadi", "Fauzi", "Hamdani",
	}
	femaleSurnames = []string{
		"Nurjanah", "Rohimah", "Sari", "Lestari", "Wulandari", "Susanti", "Handayani", "Rahmawati", "Fitriani",
		"Maryani", "Sumarni", "Nurlela", "Hasanah", "Kurniasih", "Suhartini", "Marlina", "Yuningsih", "Safitri",
	}
	lingkungan = []string{
		"Cikuasa", "Kemuning", "Sukajadi", "Pecek", "Kaligandu", "Tegal Wangi", "Kubang Lesung", "Sumur Menjangan",
		"Kaujon", "Cilodan", "Kedung", "Citangkil Baru", "Palas", "Kebon Jahe", "Pejaten", "Cikerai Hilir",
		"Gunung Batu", "Pasar Lama", "Kampung Baru", "Lebak", "Tegal Cabe", "Kubang Welut", "Karang Tengah", "Sambi Rata",
	}
	// coastal kelurahan, where fishermen live
	coastal = []string{
		"Suralaya", "Lebakgede", "Tamansari", "Mekarsari", "Banjar Negara", "Kubangsari", "Tegal Ratu",
		"Gerem", "Rawa Arum", "Grogol", "Warnasari", "Randakari",
	}
)
