# image: workbench/jdk:17
# pull: eclipse-temurin:17-jdk
FROM workbench/debian:bookworm
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-17-jdk-headless && rm -rf /var/lib/apt/lists/*
