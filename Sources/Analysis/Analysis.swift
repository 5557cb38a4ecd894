import Dataset
