// Endpoints of this resource are declared here (see ../endpoint.ts and ./okrs.ts).
export {};
