# image: workbench/jdk:21
# pull: eclipse-temurin:21-jdk
FROM workbench/debian:trixie
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-21-jdk-headless && rm -rf /var/lib/apt/lists/*
