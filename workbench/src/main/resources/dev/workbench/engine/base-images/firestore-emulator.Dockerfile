# image: workbench/firestore-emulator
# No registry publishes the emulator as a small image: it is always the host's jar on our JRE base.
# host-file: cloud-firestore-emulator.jar
FROM workbench/jre:17
COPY cloud-firestore-emulator.jar /opt/cloud-firestore-emulator.jar
EXPOSE 8080
CMD ["java", "-Xmx512m", "-Duser.language=en", "-cp", "/opt/cloud-firestore-emulator.jar", "com.google.cloud.datastore.emulator.firestore.CloudFirestore", "start", "--host=0.0.0.0", "--port=8080"]
