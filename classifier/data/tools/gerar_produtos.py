#!/usr/bin/env python3
"""Compõe classifier/data/produtos.csv a partir das listas escritas à mão abaixo.

Determinístico (semente fixa): rodar de novo gera o mesmo arquivo byte a byte.
Uso: python3 classifier/data/tools/gerar_produtos.py > classifier/data/produtos.csv

As listas misturam de propósito vocabulário entre categorias (LEGO em jogo e em
brinquedo, livro sobre maquiagem, jogo de tabuleiro como brinquedo, guia de
videogame como livro), para que a acurácia medida seja realista e não 1.0.
"""
import csv
import random
import sys

rnd = random.Random(20240607)


def ate(quantos, gerar, vistos=None):
    """Chama gerar() até juntar `quantos` linhas de nomes distintos."""
    vistos = set(vistos or ())
    linhas = []
    while len(linhas) < quantos:
        linha = gerar()
        if linha[0] not in vistos:
            vistos.add(linha[0])
            linhas.append(linha)
    return linhas

# ---------------------------------------------------------------- game
PLATAFORMAS = ["PS5", "PS4", "Xbox Series X", "Xbox One", "Nintendo Switch", "PC"]
JOGOS = [
    ("God of War Ragnarök", "ação", "Santa Monica Studio", ["PS5", "PS4", "PC"]),
    ("The Last of Us Part I", "ação e sobrevivência", "Naughty Dog", ["PS5", "PC"]),
    ("Marvel's Spider-Man 2", "ação em mundo aberto", "Insomniac Games", ["PS5"]),
    ("Horizon Forbidden West", "RPG de ação", "Guerrilla", ["PS5", "PS4"]),
    ("Gran Turismo 7", "corrida", "Polyphony Digital", ["PS5", "PS4"]),
    ("Ghost of Tsushima Director's Cut", "ação", "Sucker Punch", ["PS5", "PS4", "PC"]),
    ("Demon's Souls", "RPG de ação", "Bluepoint Games", ["PS5"]),
    ("Ratchet & Clank: Em Uma Outra Dimensão", "plataforma", "Insomniac Games", ["PS5"]),
    ("Halo Infinite", "tiro em primeira pessoa", "343 Industries", ["Xbox Series X", "Xbox One", "PC"]),
    ("Forza Horizon 5", "corrida em mundo aberto", "Playground Games", ["Xbox Series X", "Xbox One", "PC"]),
    ("Starfield", "RPG espacial", "Bethesda", ["Xbox Series X", "PC"]),
    ("Gears 5", "tiro em terceira pessoa", "The Coalition", ["Xbox One", "PC"]),
    ("The Legend of Zelda: Tears of the Kingdom", "aventura", "Nintendo", ["Nintendo Switch"]),
    ("The Legend of Zelda: Breath of the Wild", "aventura em mundo aberto", "Nintendo", ["Nintendo Switch"]),
    ("Super Mario Bros. Wonder", "plataforma", "Nintendo", ["Nintendo Switch"]),
    ("Mario Kart 8 Deluxe", "corrida", "Nintendo", ["Nintendo Switch"]),
    ("Super Smash Bros. Ultimate", "luta", "Nintendo", ["Nintendo Switch"]),
    ("Animal Crossing: New Horizons", "simulação", "Nintendo", ["Nintendo Switch"]),
    ("Pokémon Scarlet", "RPG", "Game Freak", ["Nintendo Switch"]),
    ("Pokémon Violet", "RPG", "Game Freak", ["Nintendo Switch"]),
    ("Splatoon 3", "tiro em terceira pessoa", "Nintendo", ["Nintendo Switch"]),
    ("Kirby e a Terra Esquecida", "plataforma", "HAL Laboratory", ["Nintendo Switch"]),
    ("Metroid Dread", "ação e exploração", "MercurySteam", ["Nintendo Switch"]),
    ("EA Sports FC 24", "futebol", "EA Sports", PLATAFORMAS),
    ("EA Sports FC 25", "futebol", "EA Sports", PLATAFORMAS),
    ("eFootball 2024", "futebol", "Konami", ["PS5", "PS4", "Xbox Series X", "PC"]),
    ("NBA 2K24", "basquete", "2K", PLATAFORMAS),
    ("Madden NFL 24", "futebol americano", "EA Sports", ["PS5", "Xbox Series X", "PC"]),
    ("F1 23", "corrida", "Codemasters", ["PS5", "PS4", "Xbox Series X", "PC"]),
    ("Call of Duty: Modern Warfare III", "tiro em primeira pessoa", "Activision", ["PS5", "PS4", "Xbox Series X", "Xbox One", "PC"]),
    ("Call of Duty: Black Ops 6", "tiro em primeira pessoa", "Activision", ["PS5", "Xbox Series X", "PC"]),
    ("Battlefield 2042", "tiro em primeira pessoa", "DICE", ["PS5", "Xbox Series X", "PC"]),
    ("Grand Theft Auto V", "ação em mundo aberto", "Rockstar Games", ["PS5", "PS4", "Xbox Series X", "PC"]),
    ("Red Dead Redemption 2", "ação e aventura no velho oeste", "Rockstar Games", ["PS4", "Xbox One", "PC"]),
    ("Elden Ring", "RPG de ação", "FromSoftware", ["PS5", "PS4", "Xbox Series X", "PC"]),
    ("Sekiro: Shadows Die Twice", "ação", "FromSoftware", ["PS4", "Xbox One", "PC"]),
    ("Dark Souls III", "RPG de ação", "FromSoftware", ["PS4", "Xbox One", "PC"]),
    ("Hogwarts Legacy", "RPG de ação", "Avalanche Software", PLATAFORMAS),
    ("Resident Evil 4", "survival horror", "Capcom", ["PS5", "PS4", "Xbox Series X", "PC"]),
    ("Resident Evil Village", "survival horror", "Capcom", ["PS5", "PS4", "Xbox Series X", "PC"]),
    ("Street Fighter 6", "luta", "Capcom", ["PS5", "PS4", "Xbox Series X", "PC"]),
    ("Mortal Kombat 1", "luta", "NetherRealm", ["PS5", "Xbox Series X", "Nintendo Switch", "PC"]),
    ("Tekken 8", "luta", "Bandai Namco", ["PS5", "Xbox Series X", "PC"]),
    ("Monster Hunter Rise", "RPG de ação cooperativo", "Capcom", ["Nintendo Switch", "PS5", "PC"]),
    ("Final Fantasy XVI", "RPG", "Square Enix", ["PS5", "PC"]),
    ("Final Fantasy VII Rebirth", "RPG", "Square Enix", ["PS5"]),
    ("Dragon Quest XI S", "RPG por turnos", "Square Enix", ["Nintendo Switch", "PS4", "PC"]),
    ("Persona 5 Royal", "RPG por turnos", "Atlus", ["PS4", "Nintendo Switch", "Xbox Series X", "PC"]),
    ("Cyberpunk 2077", "RPG em mundo aberto", "CD Projekt Red", ["PS5", "Xbox Series X", "PC"]),
    ("The Witcher 3: Wild Hunt", "RPG em mundo aberto", "CD Projekt Red", PLATAFORMAS),
    ("Baldur's Gate 3", "RPG", "Larian Studios", ["PS5", "PC"]),
    ("Assassin's Creed Mirage", "ação e furtividade", "Ubisoft", ["PS5", "PS4", "Xbox Series X", "PC"]),
    ("Assassin's Creed Valhalla", "ação em mundo aberto", "Ubisoft", ["PS5", "PS4", "Xbox One", "PC"]),
    ("Far Cry 6", "tiro em mundo aberto", "Ubisoft", ["PS5", "PS4", "Xbox Series X", "PC"]),
    ("Just Dance 2024", "dança", "Ubisoft", ["Nintendo Switch", "PS5", "Xbox Series X"]),
    ("Minecraft", "sandbox", "Mojang", PLATAFORMAS),
    ("Fortnite Transformers Pack", "battle royale", "Epic Games", ["PS5", "PS4", "Xbox Series X", "Nintendo Switch"]),
    ("Sonic Frontiers", "plataforma em mundo aberto", "Sega", PLATAFORMAS),
    ("Sonic Superstars", "plataforma", "Sega", ["PS5", "Nintendo Switch", "Xbox Series X"]),
    ("Crash Bandicoot 4: It's About Time", "plataforma", "Toys for Bob", ["PS4", "Xbox One", "Nintendo Switch"]),
    ("Hollow Knight", "metroidvania", "Team Cherry", ["Nintendo Switch", "PC"]),
    ("Stardew Valley", "simulação de fazenda", "ConcernedApe", ["Nintendo Switch", "PC", "PS4"]),
    ("Hades", "roguelike", "Supergiant Games", ["Nintendo Switch", "PC", "PS5"]),
    ("Celeste", "plataforma", "Maddy Makes Games", ["Nintendo Switch", "PC"]),
    ("Diablo IV", "RPG de ação", "Blizzard", ["PS5", "Xbox Series X", "PC"]),
    ("Overwatch 2 Watchpoint Pack", "tiro em equipe", "Blizzard", ["PS5", "Xbox Series X", "PC"]),
    ("Alan Wake 2", "terror psicológico", "Remedy", ["PS5", "Xbox Series X", "PC"]),
    ("Dead Space", "survival horror", "Motive", ["PS5", "Xbox Series X", "PC"]),
    ("Star Wars Jedi: Survivor", "ação e aventura", "Respawn", ["PS5", "Xbox Series X", "PC"]),
    ("Lego Star Wars: A Saga Skywalker", "aventura com blocos", "TT Games", PLATAFORMAS),
    ("Lego Marvel Super Heroes 2", "aventura com blocos", "TT Games", ["PS4", "Xbox One", "Nintendo Switch"]),
    ("Lego Harry Potter Collection", "aventura com blocos", "TT Games", ["PS4", "Nintendo Switch", "Xbox One"]),
    ("Lego 2K Drive", "corrida com blocos", "Visual Concepts", ["PS5", "Nintendo Switch", "Xbox Series X"]),
    ("Lego Fortnite", "sobrevivência com blocos", "Epic Games", ["PS5", "Xbox Series X", "PC"]),
    ("Transformers: Battlegrounds", "estratégia por turnos", "Coatsink", ["PS4", "Xbox One", "Nintendo Switch"]),
    ("Barbie DreamHouse Adventures", "aventura infantil", "Outright Games", ["Nintendo Switch", "PS4"]),
    ("Paw Patrol: Grand Prix", "corrida infantil", "Outright Games", ["Nintendo Switch", "PS4", "Xbox One"]),
    ("Hot Wheels Unleashed", "corrida arcade", "Milestone", ["PS5", "PS4", "Xbox Series X", "Nintendo Switch"]),
    ("Hot Wheels Unleashed 2: Turbocharged", "corrida arcade", "Milestone", ["PS5", "Xbox Series X", "Nintendo Switch"]),
    ("Uno Legacy Edition", "cartas", "Ubisoft", ["PS4", "Xbox One", "Nintendo Switch"]),
    ("Monopoly Plus", "tabuleiro digital", "Ubisoft", ["PS4", "Xbox One"]),
    ("Sims 4", "simulação de vida", "Maxis", ["PS4", "Xbox One", "PC"]),
    ("Cities: Skylines II", "simulação de cidade", "Colossal Order", ["PC"]),
    ("Age of Empires IV", "estratégia em tempo real", "Relic", ["PC", "Xbox Series X"]),
    ("Dying Light 2", "sobrevivência com zumbis", "Techland", ["PS5", "PS4", "Xbox Series X", "PC"]),
]
EDICOES = ["", "", "", " Edição Padrão", " Edição Deluxe", " Edição de Colecionador", " Edição Completa", " Game of the Year"]
MIDIAS = ["mídia física", "mídia física lacrada", "código digital", "mídia física, lacrado", "versão física"]
GAME_DESC = [
    "Jogo de {genero} desenvolvido pela {estudio}. Legendas e menus em português. {midia}.",
    "{nome} para {plat}: {genero}, campanha single player e modo online. {midia}.",
    "Game {genero} da {estudio}, totalmente dublado em português do Brasil. Compatível com {plat}.",
    "Mergulhe em uma aventura de {genero}. Requer {plat}. Classificação indicativa {idade} anos.",
    "Lançamento {estudio}: {genero} com gráficos em 4K e 60 fps. {midia} para {plat}.",
    "Jogo original, {midia}. Gênero: {genero}. Multiplayer local e online (assinatura {assin} necessária).",
    "Disco original para console {plat}; {genero}; áudio em português; entrega imediata.",
    "",
]
ASSINATURA = {"PS5": "PlayStation Plus", "PS4": "PlayStation Plus", "Xbox Series X": "Game Pass Core",
              "Xbox One": "Game Pass Core", "Nintendo Switch": "Nintendo Switch Online", "PC": "Steam"}
ACESSORIOS = [
    ("Controle sem fio DualSense {cor}", "Controle original Sony para PS5 com feedback tátil e gatilhos adaptáveis.", ["Branco", "Midnight Black", "Cosmic Red", "Nova Pink", "Starlight Blue"]),
    ("Controle Xbox Wireless {cor}", "Controle sem fio original Microsoft, compatível com Xbox Series X|S, Xbox One e PC.", ["Carbon Black", "Robot White", "Shock Blue", "Pulse Red", "Electric Volt"]),
    ("Joy-Con par {cor}", "Par de controles Joy-Con para Nintendo Switch com vibração HD.", ["Neon Vermelho/Azul", "Cinza", "Pastel Roxo/Verde", "Amarelo Neon"]),
    ("Console PlayStation 5 Slim {cor}", "Console PS5 com SSD de 1 TB, leitor de disco e um controle DualSense.", ["Edição Digital", "com leitor", "Bundle Call of Duty"]),
    ("Console Nintendo Switch OLED {cor}", "Console híbrido com tela OLED de 7 polegadas e 64 GB de armazenamento.", ["Branco", "Neon", "Edição Zelda", "Edição Mario"]),
    ("Console Xbox Series S {cor}", "Console totalmente digital com 512 GB, jogos em até 1440p e 120 fps.", ["512GB", "1TB Carbon Black"]),
    ("Cartão PlayStation Store R$ {cor}", "Gift card digital para comprar jogos e assinaturas na PlayStation Store.", ["60", "100", "250"]),
    ("Gift Card Nintendo eShop R$ {cor}", "Crédito digital para jogos na Nintendo eShop.", ["50", "100", "150"]),
]


def jogo():
    titulo, genero, estudio, plats = rnd.choice(JOGOS)
    plat = rnd.choice(plats)
    ed = rnd.choice(EDICOES)
    formato = rnd.choice(["{t}{e} - {p}", "Jogo {t}{e} {p}", "{t}{e} ({p})", "Game {t} - {p}{e}", "{t} {p} - Mídia Física"])
    nome = formato.format(t=titulo, e=ed, p=plat)
    desc = rnd.choice(GAME_DESC).format(
        genero=genero, estudio=estudio, midia=rnd.choice(MIDIAS).capitalize(), plat=plat, nome=titulo,
        idade=rnd.choice([10, 12, 14, 16, 18]), assin=ASSINATURA[plat])
    return (nome, desc, "game")


def jogos():
    linhas = [(nome.format(cor=v), desc, "game") for nome, desc, variantes in ACESSORIOS for v in variantes]
    return linhas + ate(300 - len(linhas), jogo, {n for n, _, _ in linhas})


# ---------------------------------------------------------------- maquiagem
MARCAS_MAKE = ["Ruby Rose", "Vult", "Boca Rosa Beauty", "Maybelline", "L'Oréal Paris", "MAC", "Dailus",
               "Eudora", "O Boticário Make B.", "Natura Una", "Quem Disse, Berenice?", "Mari Maria Makeup",
               "Bruna Tavares", "Payot", "Avon", "Tracta", "Fenty Beauty", "NYX Professional Makeup",
               "Catharine Hill", "Océane", "Max Love", "Revlon", "Vizzela", "Zanphy"]
PRODUTOS_MAKE = [
    ("Base Líquida {linha}", ["Tom {n}", "Cor {n}W", "{n}N Bege Médio", "Tom {n} Claro"], "Base de alta cobertura e acabamento {acab}, {dur}. {extra}"),
    ("Corretivo Líquido {linha}", ["Tom {n}", "Cor {n}", "Claro {n}"], "Corretivo de alta cobertura para olheiras e imperfeições, textura cremosa. {extra}"),
    ("Pó Compacto {linha}", ["Translúcido", "Bege {n}", "Cor {n}"], "Pó facial de acabamento {acab} que controla a oleosidade. {extra}"),
    ("Pó Solto Translúcido {linha}", ["20g", "15g", "Banana"], "Pó solto para selar a maquiagem e reduzir o brilho da pele. {extra}"),
    ("Blush Compacto {linha}", ["Pêssego", "Rosa Queimado", "Coral", "Malva"], "Blush de alta pigmentação com acabamento {acab}. {extra}"),
    ("Iluminador {linha}", ["Champagne", "Dourado", "Rose Gold", "Perolado"], "Iluminador em pó com partículas finas para um glow natural. {extra}"),
    ("Paleta de Sombras {linha}", ["12 cores", "9 cores", "Nude", "Sunset", "Smoky"], "Paleta com sombras matte e cintilantes, alta fixação e fácil de esfumar. {extra}"),
    ("Máscara de Cílios {linha}", ["À Prova d'Água", "Preta", "Volume Extra", "Alongamento"], "Máscara para cílios com efeito volume e curvatura, {dur}. {extra}"),
    ("Delineador Líquido {linha}", ["Preto", "Caneta", "Ponta Fina", "Marrom"], "Delineador de ponta precisa para traço gatinho, secagem rápida. {extra}"),
    ("Batom Líquido Matte {linha}", ["Nude Rosado", "Vermelho Intenso", "Marsala", "Terracota", "Rosa Chá"], "Batom de acabamento {acab} e longa duração, não transfere. {extra}"),
    ("Batom Cremoso {linha}", ["Vermelho", "Nude", "Boca Rosa", "Vinho"], "Batom em bala com textura cremosa e hidratante. {extra}"),
    ("Gloss Labial {linha}", ["Transparente", "Rosé", "Cereja", "Glitter"], "Gloss com brilho espelhado e efeito volumizador, não gruda. {extra}"),
    ("Lápis de Boca {linha}", ["Nude", "Cacau", "Rosa", "Vermelho"], "Lápis labial para contorno preciso, retrátil. {extra}"),
    ("Lápis de Olho {linha}", ["Preto", "Marrom", "Branco", "Kajal"], "Lápis para os olhos de textura macia e alta pigmentação. {extra}"),
    ("Primer Facial {linha}", ["Matte", "Hidratante", "Poros", "30ml"], "Primer que prepara a pele, minimiza poros e prolonga a maquiagem. {extra}"),
    ("Bruma Fixadora {linha}", ["100ml", "50ml", "Matte"], "Spray fixador de maquiagem, {dur}. {extra}"),
    ("Pincel para Base {linha}", ["Kabuki", "Chanfrado", "Língua de Gato"], "Pincel de cerdas sintéticas macias para aplicar base e corretivo. {extra}"),
    ("Kit de Pincéis de Maquiagem {linha}", ["12 peças", "7 peças", "com Estojo"], "Kit com pincéis para rosto e olhos, cerdas sintéticas veganas. {extra}"),
    ("Esponja de Maquiagem {linha}", ["Gota", "Chanfrada", "Kit 3 unidades"], "Esponja para aplicar base líquida com acabamento uniforme. {extra}"),
    ("Bronzer {linha}", ["Sol", "Terracota", "Caramelo"], "Pó bronzeador para esculpir e aquecer o rosto. {extra}"),
    ("Paleta de Contorno {linha}", ["Claro", "Médio", "Escuro"], "Paleta com tons de contorno e iluminação para esculpir o rosto. {extra}"),
    ("BB Cream {linha}", ["FPS 30", "Cor Clara", "Cor Média"], "BB cream com cor, hidratação e proteção solar em um só produto. {extra}"),
    ("Gel para Sobrancelhas {linha}", ["Incolor", "Castanho", "Fixador"], "Gel que modela e fixa os fios das sobrancelhas o dia todo. {extra}"),
    ("Lip Tint {linha}", ["Cereja", "Morango", "Melancia"], "Tinta labial de efeito natural, também pode ser usada como blush. {extra}"),
    ("Demaquilante Bifásico {linha}", ["120ml", "200ml"], "Remove maquiagem à prova d'água sem esfregar, olhos e lábios. {extra}"),
]
LINHAS_MAKE = ["", "", "Pro", "HD", "Matte Velvet", "Skin", "Soft", "24h", "Super Stay", "Fit Me", "Glow", "Nude Collection", "Power"]
ACABAMENTOS = ["matte", "aveludado", "natural", "luminoso", "acetinado"]
DURACOES = ["longa duração de até 24 horas", "fixação de até 12 horas", "resistente à água e ao suor", "duração o dia inteiro"]
EXTRAS = ["Vegano e cruelty free.", "Dermatologicamente testado.", "Não testado em animais.", "Fórmula com ácido hialurônico.",
          "Com vitamina E.", "Ideal para pele oleosa.", "Para todos os tipos de pele.", "Embalagem de 30 ml.", "", ""]


def maquiagem():
    marca = rnd.choice(MARCAS_MAKE)
    prod, variantes, desc = rnd.choice(PRODUTOS_MAKE)
    linha = rnd.choice(LINHAS_MAKE)
    var = rnd.choice(variantes).format(n=rnd.choice([100, 110, 120, 130, 140, 200, 210, 230, 250, 300, 320, 350, 400, 430]))
    base = prod.format(linha=linha).replace("  ", " ").strip()
    formato = rnd.choice(["{b} {m} - {v}", "{m} {b} {v}", "{b} {v} {m}", "{b} - {m} - {v}"])
    nome = formato.format(b=base, m=marca, v=var)
    d = desc.format(acab=rnd.choice(ACABAMENTOS), dur=rnd.choice(DURACOES), extra=rnd.choice(EXTRAS)).strip()
    if rnd.random() < 0.15:
        d = ""
    return (nome, d, "maquiagem")


# ---------------------------------------------------------------- brinquedo
BRINQUEDOS = [
    ("Boneca Barbie {v}", "Mattel", ["Fashionista", "Dreamhouse Adventures", "Chef de Cozinha", "Médica", "Cabelos Longos", "Extra", "Sereia"], "Boneca articulada com roupas e acessórios. {idade}. {extra}"),
    ("Casa dos Sonhos Barbie {v}", "Mattel", ["Dreamhouse 2023", "com Piscina", "3 Andares"], "Casa de bonecas com elevador, piscina e mais de 70 acessórios. {idade}."),
    ("Boneca Baby Alive {v}", "Hasbro", ["Hora do Xixi", "Sopinha Mágica", "Cabelos Divertidos", "Bebê Shampoo"], "Boneca bebê que come, bebe e faz xixi; acompanha mamadeira e fralda. {idade}."),
    ("Pista Hot Wheels {v}", "Mattel", ["City Ataque do Tubarão", "Mega Garagem", "Action Loop Cyclone", "Monster Trucks Arena"], "Pista com lançador e um carrinho Hot Wheels incluso. {idade}. {extra}"),
    ("Carrinho Hot Wheels {v}", "Mattel", ["Pacote com 5", "Premium Fast & Furious", "Monster Trucks Bone Shaker", "Colecionável Porsche 911"], "Carrinho de metal em escala 1:64. {idade}."),
    ("Lançador Nerf {v}", "Hasbro", ["Elite 2.0 Commander", "Fortnite BASR-L", "Roblox Zombie Attack", "Ultra One", "Minecraft Pillager"], "Lançador de dardos de espuma com tambor giratório, dardos inclusos. {idade}. {extra}"),
    ("Massinha Play-Doh {v}", "Hasbro", ["Kit Sorveteria", "Dentista", "Pack 10 Potes", "Fábrica Divertida"], "Massa de modelar atóxica com moldes e acessórios. {idade}."),
    ("Figura Transformers {v}", "Hasbro", ["Prime War Deluxe Bumblebee", "Optimus Prime Studio Series", "Legacy Megatron", "Rise of the Beasts Mirage", "Earthspark Grimlock"], "Figura conversível de robô para veículo em poucos passos. {idade}. {extra}"),
    ("Boneco Marvel Legends {v}", "Hasbro", ["Homem-Aranha", "Homem de Ferro", "Capitão América", "Thor", "Wolverine"], "Figura de ação articulada de 15 cm com acessórios. {idade}."),
    ("LEGO City {v}", "LEGO", ["Delegacia de Polícia 60316", "Caminhão de Bombeiros 60374", "Estação Espacial 60433", "Trem de Passageiros 60337"], "Conjunto de blocos de montar com minifiguras. {pecas} peças. {idade}."),
    ("LEGO Star Wars {v}", "LEGO", ["Millennium Falcon 75257", "X-Wing de Luke 75301", "Capacete Darth Vader 75304", "AT-AT 75288"], "Kit de montar com minifiguras da saga. {pecas} peças. {idade}."),
    ("LEGO Technic {v}", "LEGO", ["Lamborghini Sián 42115", "Trator John Deere 42136", "Moto Ducati 42107"], "Modelo de montar com engrenagens e peças móveis. {pecas} peças. {idade}."),
    ("LEGO Friends {v}", "LEGO", ["Casa da Árvore 41703", "Café de Heartlake 41444", "Escola 41682"], "Blocos de montar para criar histórias com as amigas. {pecas} peças. {idade}."),
    ("LEGO Harry Potter {v}", "LEGO", ["Castelo de Hogwarts 76435", "Beco Diagonal 75978", "Expresso de Hogwarts 76405"], "Conjunto de montar com personagens do mundo bruxo. {pecas} peças. {idade}."),
    ("LEGO Minecraft {v}", "LEGO", ["A Caverna 21189", "A Casa do Porco Bebê 21268", "O Portal Abandonado 21172"], "Blocos de montar inspirados no jogo, com figuras de Steve e criaturas. {pecas} peças. {idade}."),
    ("LEGO Duplo {v}", "LEGO", ["Trem dos Números 10954", "Fazenda 10950", "Caixa de Peças 10913"], "Peças grandes para os pequenos montarem. {idade}."),
    ("Jogo de Tabuleiro {v}", "Estrela", ["Banco Imobiliário", "Detetive", "Jogo da Vida", "War", "Cara a Cara", "Perfil 7"], "Jogo de tabuleiro para a família, de 2 a 6 jogadores. {idade}."),
    ("Jogo {v}", "Hasbro", ["Monopoly Clássico", "Jenga", "Twister", "Cilada", "Pula Macaco"], "Jogo de mesa para reunir a família e os amigos. {idade}. {extra}"),
    ("Jogo de Cartas {v}", "Copag", ["Uno", "Uno Flip", "Dobble", "Skip-Bo"], "Baralho de cartas para jogar em grupo, diversão garantida. {idade}."),
    ("Quebra-Cabeça {v}", "Grow", ["1000 peças Paisagem Italiana", "500 peças Gatos", "2000 peças Mapa Mundi", "100 peças Patrulha Canina"], "Quebra-cabeça com peças de encaixe perfeito em papelão resistente. {idade}."),
    ("Patinete {v}", "Multikids", ["3 Rodas com Luz", "Dobrável Rosa", "Radical Azul"], "Patinete infantil com rodas de LED e guidão ajustável. {idade}."),
    ("Bicicleta Infantil Aro 16 {v}", "Caloi", ["Princesas", "Homem-Aranha", "Cecizinha"], "Bicicleta com rodinhas laterais e cestinha. {idade}."),
    ("Carrinho de Controle Remoto {v}", "Candide", ["Drift 4x4", "Fúria Vermelho", "Monster Truck"], "Carro de controle remoto com bateria recarregável e 7 funções. {idade}. {extra}"),
    ("Boneco {v}", "Sunny", ["Patrulha Canina Chase", "Sonic 30 cm", "Stitch de Pelúcia", "Bluey Articulado"], "Personagem favorito das crianças em tamanho ideal para brincar. {idade}."),
    ("Pelúcia {v}", "Fun Divirta-se", ["Pikachu 25 cm", "Urso Teddy", "Unicórnio Arco-Íris", "Stitch Gigante"], "Pelúcia macia e antialérgica, ótima para presentear. {idade}."),
    ("Cozinha Infantil {v}", "Xalingo", ["Rosa com Som", "Gourmet", "Completa com Geladeira"], "Cozinha de brinquedo com fogão, pia e acessórios de plástico. {idade}."),
    ("Kit Médico Infantil {v}", "Toyster", ["Maleta", "Estetoscópio", "com Jaleco"], "Maleta de brincar de médico com estetoscópio e termômetro de brinquedo. {idade}."),
    ("Tapete de Atividades {v}", "Fisher-Price", ["Pianinho", "Selva", "Ginásio Musical"], "Ginásio de atividades para bebês com sons e luzes. {idade}."),
    ("Cubo Mágico {v}", "Cuber Pro", ["3x3 Profissional", "4x4", "Pyraminx"], "Cubo de velocidade com giro suave, desenvolve o raciocínio. {idade}."),
    ("Kit Slime {v}", "Toyster", ["Fábrica de Slime", "Glitter", "Neon"], "Kit para fazer slime em casa com ativador e corantes. {idade}."),
    ("Polly Pocket {v}", "Mattel", ["Parque de Diversões", "Estojo Bolo", "Mansão"], "Mini mundo portátil com bonecas e acessórios surpresa. {idade}."),
    ("Fisher-Price {v}", "Mattel", ["Cachorrinho Aprender e Brincar", "Empilha Argolas", "Telefone Infantil"], "Brinquedo educativo com músicas e frases para bebês. {idade}."),
    ("Pista de Carrinhos {v}", "Fun", ["Looping Radical", "Estacionamento 3 Andares", "Corrida Maluca"], "Pista montável com rampas e carrinhos inclusos. {idade}."),
    ("Dinossauro {v}", "Mattel Jurassic World", ["T-Rex Ruge e Ataca", "Velociraptor Blue", "Indominus Rex"], "Dinossauro articulado com som de rugido. {idade}."),
    ("Kit Maquiagem Infantil {v}", "Barbie", ["Estojo Coração", "Maleta Fashion", "com Espelho"], "Brinquedo de faz de conta com sombras laváveis e batom infantil atóxico. {idade}."),
    ("Boneca Make It Real {v}", "Make It Real", ["Estúdio de Unhas", "Kit de Beleza", "Penteados"], "Kit de brincar de salão de beleza para crianças. {idade}."),
    ("Cama Elástica {v}", "Xalingo", ["1,40 m", "com Rede de Proteção"], "Pula-pula infantil com rede de proteção e estrutura de aço. {idade}."),
    ("Piscina de Bolinhas {v}", "Braskit", ["com 100 Bolinhas", "Castelo"], "Piscina de bolinhas dobrável para quarto ou área de lazer. {idade}."),
]
IDADES = ["Idade recomendada: a partir de 3 anos", "Para crianças acima de 6 anos", "A partir de 8 anos",
          "Indicado para maiores de 4 anos", "Faixa etária: 5+", "Recomendado para 1 a 3 anos"]
EXTRAS_BRINQ = ["Pilhas não inclusas.", "Produto com selo do Inmetro.", "Contém peças pequenas.", "Embalagem para presente.", "", ""]


def brinquedo():
    nome, marca, variantes, desc = rnd.choice(BRINQUEDOS)
    v = rnd.choice(variantes)
    n = nome.format(v=v)
    if rnd.random() < 0.6 and marca.lower() not in n.lower():
        n = rnd.choice(["{n} - {m}", "{n} {m}", "{m} {n}"]).format(n=n, m=marca)
    if rnd.random() < 0.3:
        n += rnd.choice([" - Original", " Novo", " - Lacrado", " Presente", " Infantil"])
    d = desc.format(idade=rnd.choice(IDADES), extra=rnd.choice(EXTRAS_BRINQ),
                    pecas=rnd.choice([128, 245, 512, 789, 1024, 1351, 3187])).strip()
    if rnd.random() < 0.12:
        d = ""
    return (n, d, "brinquedo")


# ---------------------------------------------------------------- livro
LIVROS = [
    ("Dom Casmurro", "Machado de Assis", "romance"), ("Memórias Póstumas de Brás Cubas", "Machado de Assis", "romance"),
    ("Quincas Borba", "Machado de Assis", "romance"), ("A Hora da Estrela", "Clarice Lispector", "romance"),
    ("A Paixão Segundo G.H.", "Clarice Lispector", "romance"), ("Laços de Família", "Clarice Lispector", "contos"),
    ("Capitães da Areia", "Jorge Amado", "romance"), ("Gabriela, Cravo e Canela", "Jorge Amado", "romance"),
    ("Vidas Secas", "Graciliano Ramos", "romance"), ("São Bernardo", "Graciliano Ramos", "romance"),
    ("Grande Sertão: Veredas", "João Guimarães Rosa", "romance"), ("O Cortiço", "Aluísio Azevedo", "romance"),
    ("Macunaíma", "Mário de Andrade", "rapsódia"), ("Iracema", "José de Alencar", "romance"),
    ("O Quinze", "Rachel de Queiroz", "romance"), ("Torto Arado", "Itamar Vieira Junior", "romance"),
    ("Quarto de Despejo", "Carolina Maria de Jesus", "diário"), ("O Avesso da Pele", "Jeferson Tenório", "romance"),
    ("Tudo é Rio", "Carla Madeira", "romance"), ("Ensaio Sobre a Cegueira", "José Saramago", "romance"),
    ("O Alquimista", "Paulo Coelho", "romance"), ("O Pequeno Príncipe", "Antoine de Saint-Exupéry", "fábula"),
    ("1984", "George Orwell", "distopia"), ("A Revolução dos Bichos", "George Orwell", "fábula política"),
    ("Cem Anos de Solidão", "Gabriel García Márquez", "romance"), ("Orgulho e Preconceito", "Jane Austen", "romance"),
    ("O Hobbit", "J.R.R. Tolkien", "fantasia"), ("O Senhor dos Anéis: A Sociedade do Anel", "J.R.R. Tolkien", "fantasia"),
    ("Harry Potter e a Pedra Filosofal", "J.K. Rowling", "fantasia"), ("Harry Potter e a Câmara Secreta", "J.K. Rowling", "fantasia"),
    ("Harry Potter e o Prisioneiro de Azkaban", "J.K. Rowling", "fantasia"), ("Percy Jackson e o Ladrão de Raios", "Rick Riordan", "fantasia juvenil"),
    ("Jogos Vorazes", "Suzanne Collins", "distopia juvenil"), ("A Culpa é das Estrelas", "John Green", "romance juvenil"),
    ("É Assim que Acaba", "Colleen Hoover", "romance"), ("Verity", "Colleen Hoover", "suspense"),
    ("A Biblioteca da Meia-Noite", "Matt Haig", "ficção"), ("Os Sete Maridos de Evelyn Hugo", "Taylor Jenkins Reid", "romance"),
    ("A Garota do Lago", "Charlie Donlea", "suspense"), ("O Código Da Vinci", "Dan Brown", "suspense"),
    ("It: A Coisa", "Stephen King", "terror"), ("O Iluminado", "Stephen King", "terror"),
    ("Drácula", "Bram Stoker", "terror clássico"), ("Frankenstein", "Mary Shelley", "terror clássico"),
    ("Duna", "Frank Herbert", "ficção científica"), ("Fundação", "Isaac Asimov", "ficção científica"),
    ("Sapiens: Uma Breve História da Humanidade", "Yuval Noah Harari", "história"), ("Homo Deus", "Yuval Noah Harari", "ensaio"),
    ("Hábitos Atômicos", "James Clear", "desenvolvimento pessoal"), ("Pai Rico, Pai Pobre", "Robert T. Kiyosaki", "finanças pessoais"),
    ("O Poder do Hábito", "Charles Duhigg", "desenvolvimento pessoal"), ("Rápido e Devagar", "Daniel Kahneman", "psicologia"),
    ("Mindset", "Carol S. Dweck", "psicologia"), ("A Psicologia Financeira", "Morgan Housel", "finanças"),
    ("Do Mil ao Milhão", "Thiago Nigro", "finanças pessoais"), ("Mais Esperto que o Diabo", "Napoleon Hill", "autoajuda"),
    ("Código Limpo", "Robert C. Martin", "programação"), ("Arquitetura Limpa", "Robert C. Martin", "programação"),
    ("Entendendo Algoritmos", "Aditya Y. Bhargava", "computação"), ("Python Fluente", "Luciano Ramalho", "programação"),
    ("Docker para Desenvolvedores", "Rafael Gomes", "tecnologia"), ("Mãos à Obra: Aprendizado de Máquina com Scikit-Learn", "Aurélien Géron", "ciência de dados"),
    ("Java: Como Programar", "Paul Deitel", "programação"), ("Use a Cabeça! Java", "Kathy Sierra", "programação"),
    ("O Projeto de Sistemas Distribuídos", "Martin Kleppmann", "tecnologia"), ("Turma da Mônica: Lições", "Vitor e Lu Cafaggi", "graphic novel"),
    ("Diário de um Banana", "Jeff Kinney", "infantojuvenil"), ("O Menino Maluquinho", "Ziraldo", "infantil"),
    ("Marcelo, Marmelo, Martelo", "Ruth Rocha", "infantil"), ("A Bolsa Amarela", "Lygia Bojunga", "infantojuvenil"),
    ("O Diário de Anne Frank", "Anne Frank", "biografia"), ("Eu Sou Malala", "Malala Yousafzai", "biografia"),
    ("Steve Jobs", "Walter Isaacson", "biografia"), ("Torto Arado: Edição Especial", "Itamar Vieira Junior", "romance"),
    ("Maquiagem: Técnicas Profissionais Passo a Passo", "Lilian Pacce", "beleza"), ("O Livro da Maquiagem", "Bobbi Brown", "beleza"),
    ("Beleza Negra: Guia de Maquiagem para Peles Negras", "Daniela Santos", "beleza"),
    ("The Legend of Zelda: Hyrule Historia", "Nintendo", "arte e videogame"), ("Guia Oficial Pokémon Scarlet e Violet", "The Pokémon Company", "guia de videogame"),
    ("Minecraft: O Guia Oficial de Construção", "Mojang", "guia de videogame"), ("Jogador Nº 1", "Ernest Cline", "ficção científica"),
    ("A História dos Videogames", "Tristan Donovan", "história"), ("Masters of Doom", "David Kushner", "biografia"),
    ("LEGO: Ideias Incríveis", "DK", "atividades"), ("Barbie: Livro de Colorir e Atividades", "Ciranda Cultural", "infantil"),
    ("Transformers: A História Oficial", "Panini", "quadrinhos"), ("Turma da Mônica: Laços", "Vitor e Lu Cafaggi", "graphic novel"),
    ("Watchmen", "Alan Moore", "quadrinhos"), ("Batman: O Cavaleiro das Trevas", "Frank Miller", "quadrinhos"),
    ("Naruto Gold Vol. 1", "Masashi Kishimoto", "mangá"), ("One Piece Vol. 100", "Eiichiro Oda", "mangá"),
    ("Demon Slayer Vol. 1", "Koyoharu Gotouge", "mangá"), ("Bíblia Sagrada NVI", "Vários autores", "religião"),
]
EDITORAS = ["Companhia das Letras", "Rocco", "Intrínseca", "Sextante", "Todavia", "Record", "Globo Livros", "DarkSide Books",
            "HarperCollins Brasil", "Alta Books", "Novatec", "Penguin-Companhia", "Editora Arqueiro", "Panini", "Ática", "Moderna",
            "Principis", "Antofágica", "Seguinte", "Bookman"]
FORMATOS = ["Capa Comum", "Capa Dura", "Edição de Bolso", "Edição Especial", "Edição de Luxo", "Box", "Ebook"]
LIVRO_DESC = [
    "Livro de {autor}, {genero}. Editora {ed}, {pags} páginas, {fmt}.",
    "Obra de {genero} escrita por {autor}. Edição {ed} com {pags} páginas.",
    "{fmt}, {pags} páginas. Um clássico de {genero} de {autor}, publicado pela {ed}.",
    "Best-seller de {autor}. {genero}; idioma: português; ISBN {isbn}.",
    "Nova tradução e prefácio inédito. Autor: {autor}. Páginas: {pags}. Editora: {ed}.",
    "Leitura obrigatória de {genero}; edição com notas e posfácio. {fmt}.",
    "",
]


def livro():
    titulo, autor, genero = rnd.choice(LIVROS)
    fmt = rnd.choice(FORMATOS)
    formato = rnd.choice(["{t}", "{t} - {a}", "Livro {t}", "{t} ({f})", "{t} - {f} - {a}", "{t} | {a}"])
    nome = formato.format(t=titulo, a=autor, f=fmt)
    d = rnd.choice(LIVRO_DESC).format(autor=autor, genero=genero, ed=rnd.choice(EDITORAS), fmt=fmt,
                                      pags=rnd.randint(96, 1200), isbn="978-85-%04d-%03d-%d" % (rnd.randint(0, 9999), rnd.randint(0, 999), rnd.randint(0, 9)))
    return (nome, d, "livro")


# ---------------------------------------------------------------- franquias
# A mesma franquia em categorias diferentes, com descrições curtas ou ausentes: é aqui que o
# modelo erra, como erraria com dados de loja de verdade.
FRANQUIAS = {
    "game": [
        "Pokémon Legends: Arceus", "Pokémon Mundo Misterioso DX", "Barbie Project Friendship", "Harry Potter: Campeões do Quadribol",
        "Lego Jurassic World", "Lego Os Incríveis", "Minecraft Dungeons", "Minecraft Legends", "Star Wars Battlefront II",
        "Marvel's Guardians of the Galaxy", "Frozen Free Fall Snowball Fight", "Sonic Colors Ultimate", "Mario Party Superstars",
        "Luigi's Mansion 3", "Patrulha Canina: O Filme Cidade da Aventura", "Hot Wheels Monster Trucks Stunt Mayhem",
        "Transformers: Earthspark Expedition", "Nerf Legends", "My Little Pony: Aventura na Baía do Porto", "Disney Dreamlight Valley",
        "Jogo Make-up Salon Simulator", "Turma da Mônica: Ação na Rua", "Uno", "Jogo da Vida Deluxe Digital", "Banco Imobiliário Digital",
        "Dreams Universe", "Among Us Crewmate Edition", "Fall Guys Pacote", "Roblox Cartão 800 Robux", "Cartão Xbox Game Pass 3 meses",
        "The Sims 4 Kit Maquiagem Incrível", "Crash Team Rumble", "Kirby's Return to Dream Land Deluxe", "Bayonetta 3", "Pikmin 4",
        "Zelda Link's Awakening", "Mario + Rabbids Sparks of Hope", "Spyro Reignited Trilogy", "Bluey: O Videogame", "Peppa Pig: Aventuras pelo Mundo",
    ],
    "brinquedo": [
        "Pelúcia Pikachu com Som", "Pokébola Lançadora com Figura Charmander", "Cartas Pokémon Box Coleção Paldea", "Barbie Gamer Conjunto",
        "Varinha Harry Potter Interativa", "Chapéu Seletor Falante Harry Potter", "Minecraft Espada de Espuma", "Boneco Minecraft Creeper",
        "Sabre de Luz Star Wars Eletrônico", "Boneco Grogu Animatrônico", "Luva do Infinito Marvel", "Boneca Elsa Frozen Cantora",
        "Boneco Sonic Articulado 12 cm", "Kart Mario Controle Remoto", "Super Mario Bloco de Interrogação Luminária", "Controle de Brinquedo Musical Bebê",
        "Videogame de Brinquedo Portátil 500 Jogos", "Mini Game Retro Infantil", "Console Infantil de Bolso com Jogos", "Microfone Karaokê Infantil",
        "Patrulha Canina Torre de Vigia", "Boneca Turma da Mônica Mônica", "Jogo Imagem e Ação", "Jogo Dominó de Madeira", "Jogo da Memória Bluey",
        "Peppa Pig Casa da Família", "My Little Pony Castelo", "Boneco Among Us Pelúcia", "Kit Maquiagem Frozen Infantil", "Penteadeira Infantil com Espelho",
        "Kit Unhas Decoradas Infantil", "Maleta de Maquiagem de Brinquedo Princesas", "Livro de Banho para Bebê", "Livro Sonoro Fisher-Price", "Quadro Mágico de Desenho",
        "Lousa Mágica Infantil", "Lego Creator Ilha de Aventuras", "Fortnite Boneco Jonesy", "Roblox Figura Colecionável", "Baralho Pokémon Jogo de Cartas Colecionáveis",
    ],
    "livro": [
        "Pokémon: O Guia Essencial Definitivo", "Pokémon Adventures Vol. 1", "Barbie: Histórias de Princesa", "Harry Potter e o Enigma do Príncipe",
        "Harry Potter: O Livro dos Filmes", "Minecraft: O Despertar da Montanha", "Star Wars: Ahsoka", "Marvel: A Enciclopédia", "Frozen: Livro de Histórias",
        "Sonic the Hedgehog HQ Vol. 1", "Super Mario Encyclopedia", "Patrulha Canina: Livro de Adesivos", "Turma da Mônica Jovem Nº 1",
        "Bluey: A Hora de Dormir", "Peppa Pig: Meu Primeiro Livro de Palavras", "Guia de Maquiagem para Iniciantes", "Automaquiagem: Do Básico ao Profissional",
        "Beleza Real: Cuidados com a Pele", "Manual do Visagismo", "Colorimetria para Maquiadores", "Jogos Vorazes: A Cantiga dos Pássaros e das Serpentes",
        "Game Design: Fundamentos", "A Arte de Game Design", "Blood, Sweat and Pixels", "Jogos de Tabuleiro Modernos: Guia Ilustrado",
        "Brincar é Coisa Séria", "O Livro dos Brinquedos Antigos", "Lego: Livro de Ideias", "Uno: História de um Jogo de Cartas", "Roblox: Guia do Desenvolvedor",
        "Fortnite: O Guia Não Oficial", "Among Us: Guia de Sobrevivência", "The Last of Us: Arte do Jogo", "Zelda: Arte e Artefatos", "Mangá Pokémon Sol e Lua",
        "Livro Infantil Princesas Disney", "Coleção Mônica Toy", "Diário de um Zumbi do Minecraft", "O Mundo de Sofia", "Aventuras de Tintim Vol. 1",
    ],
    "maquiagem": [
        "Paleta de Sombras Harry Potter Ruby Rose", "Batom Barbie Vult Rosa Pink", "Kit Maquiagem Pokémon Edição Limitada", "Gloss Frozen Ice Queen",
        "Paleta Star Wars Lado Sombrio", "Iluminador Marvel Ouro", "Esmalte Turma da Mônica Vermelho", "Máscara de Cílios Playground Fenty",
        "Pó Compacto Sonic Azul Neon", "Kit Pincéis Gamer RGB", "Delineador Neon Gamer Verde", "Paleta Pixel Art 16 cores",
        "Base Stick Quem Disse Berenice", "Água Micelar Garnier 400ml", "Esmalte Risqué Vermelho Cereja", "Kit Esmaltes Impala 6 cores",
        "Glitter Corporal Festa", "Pintura Facial Carnaval Colorida", "Tinta Facial Infantil Atóxica", "Cílios Postiços Naturais",
        "Cola para Cílios Postiços", "Curvex Modelador de Cílios", "Apontador Duplo para Lápis", "Necessaire de Maquiagem Grande",
        "Espelho de Maquiagem com LED", "Lenço Demaquilante 25 unidades", "Tônico Facial Antes da Maquiagem", "Hidratante Facial com Cor",
        "Protetor Solar com Cor FPS 50", "Contorno em Bastão", "Sombra Stick Cintilante", "Blush Líquido", "Corretivo Color Verde",
        "Kit Maquiagem Completo Profissional", "Maleta de Maquiagem Completa Adulto", "Paleta de Sombras Minecraft Verde Creeper",
        "Batom Roblox Edição Gamer", "Sombra Lilás Frozen Dailus", "Pó Iluminador Hello Kitty", "Kit Labial Boca Rosa Três Peças",
    ],
}
CURTAS = {
    "game": ["", "", "Jogo original.", "Mídia física.", "Para console.", "Código digital enviado por e-mail.", "Lacrado."],
    "brinquedo": ["", "", "Brinquedo original.", "Idade: 3+.", "Produto com selo do Inmetro.", "Presente para crianças.", "Novo, na caixa."],
    "livro": ["", "", "Capa comum.", "Edição em português.", "Livro novo.", "Capa dura, ilustrado.", "Envio imediato."],
    "maquiagem": ["", "", "Produto original.", "Cruelty free.", "Vegano.", "Alta pigmentação.", "Lacrado, com validade longa."],
}


def franquias():
    return [(nome, rnd.choice(CURTAS[cat]), cat) for cat, nomes in FRANQUIAS.items() for nome in nomes]


# Linhas escritas à mão, com vírgula, ponto e vírgula e aspas, para exercitar o formato.
MANUAIS = [
    ("Kit Paleta \"Nude Glow\"; 12 sombras", "Paleta da Vult com 12 sombras; acabamento matte e cintilante; \"best-seller\" da marca.", "maquiagem"),
    ("Livro \"Maquiagem sem Segredos\"", "Guia ilustrado; 240 páginas; técnicas de pele, olhos e boca.", "livro"),
    ("Jogo \"Cozinha Maluca\"; tabuleiro", "Jogo de tabuleiro da Estrela; 2 a 4 jogadores; a partir de 5 anos.", "brinquedo"),
    ("Controle \"Edição Limitada\"; God of War", "DualSense edição God of War Ragnarök; feedback tátil.", "game"),
]


def main():
    linhas = jogos() + ate(300, maquiagem) + ate(305, brinquedo) + ate(300, livro) + franquias() + MANUAIS
    # Embaralha para que a ordem do arquivo não revele a categoria.
    rnd.shuffle(linhas)
    out = csv.writer(sys.stdout, delimiter=";", quotechar='"', quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    out.writerow(["nome", "descricao", "categoria"])
    vistos = set()
    for nome, desc, cat in linhas:
        if nome in vistos:
            continue
        vistos.add(nome)
        out.writerow([nome, desc, cat])


if __name__ == "__main__":
    main()
